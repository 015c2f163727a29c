export * from './AccordEvent.js';
export * from './CommentsChangedEvent.js';
export * from './MemberChangedEvent.js';
export * from './NotificationCreatedEvent.js';
export * from './VersionCreatedEvent.js';
export * from './WorkflowChangedEvent.js';
export * from './NegotiationChangedEvent.js';
export * from './SignoffChangedEvent.js';
