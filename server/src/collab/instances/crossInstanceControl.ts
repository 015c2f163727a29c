import type { AccordEvent, Role } from '@accord/shared';
import type { Logger } from '../../logger.js';
import type { CollabServer } from '../createCollabServer.js';
import type { EventAudience } from '../EventAudience.js';
import type { RedisLink } from './RedisLink.js';

/** A control change, as it crosses to the other instances. */
type ControlMessage =
  | { kind: 'disconnectUser'; userId: string }
  | { kind: 'membershipChanged'; documentId: string; userId: string; role: Role | null }
  | { kind: 'setTextLocked'; documentId: string; locked: boolean }
  | { kind: 'event'; documentId: string; event: AccordEvent; audience?: EventAudience }
  | { kind: 'userEvent'; userId: string; event: AccordEvent };

/**
 * The collaboration endpoint of one instance, with the control changes that concern sockets
 * (sign-outs, removed members and changed roles, text locks, live events) applied on every
 * instance: this one at once, the others when the message reaches them over Redis (within a
 * Redis round trip; while Redis is down, each instance acts on its own sockets only).
 */
export function crossInstanceControl(
  local: CollabServer,
  link: RedisLink,
  logger: Logger,
  /** a live event made on another instance, before it goes to this one's sockets */
  onRemoteEvent?: (documentId: string, event: AccordEvent) => void,
): CollabServer {
  const apply = (message: ControlMessage, remote = false) => {
    switch (message.kind) {
      case 'disconnectUser':
        return local.disconnectUser(message.userId);
      case 'membershipChanged':
        return local.membershipChanged(message.documentId, message.userId, message.role);
      case 'setTextLocked':
        return local.setTextLocked(message.documentId, message.locked);
      case 'event':
        if (remote) onRemoteEvent?.(message.documentId, message.event);
        return local.broadcastEvent(message.documentId, message.event, message.audience);
      case 'userEvent':
        return local.sendToUser(message.userId, message.event);
    }
  };
  link.onControl((raw) => {
    try {
      const { from, message } = JSON.parse(raw.toString()) as { from: string; message: ControlMessage };
      if (from !== link.instanceId) apply(message, true);
    } catch (error) {
      logger.warn({ err: error }, 'a control message from another instance was not applied');
    }
  });
  const everywhere = (message: ControlMessage) => {
    apply(message);
    link.publishControl(Buffer.from(JSON.stringify({ from: link.instanceId, message })));
  };
  return {
    ...local,
    disconnectUser: (userId) => everywhere({ kind: 'disconnectUser', userId }),
    membershipChanged: (documentId, userId, role) =>
      everywhere({ kind: 'membershipChanged', documentId, userId, role }),
    setTextLocked: (documentId, locked) => everywhere({ kind: 'setTextLocked', documentId, locked }),
    broadcastEvent: (documentId, event, audience) =>
      everywhere({ kind: 'event', documentId, event, ...(audience ? { audience } : {}) }),
    sendToUser: (userId, event) => everywhere({ kind: 'userEvent', userId, event }),
    close: async () => {
      await local.close();
      await link.close();
    },
  };
}
