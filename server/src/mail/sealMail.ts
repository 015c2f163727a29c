import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

export interface MailBody {
  text: string;
  html: string;
}

/** The outbox key, derived from SESSION_SECRET (which also guards the sessions). */
export function mailKey(sessionSecret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', sessionSecret, 'accord', 'mail outbox v1', 32));
}

/** AES-256-GCM: base64 of iv (12) | tag (16) | ciphertext. */
export function sealMail(key: Buffer, body: MailBody): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const data = Buffer.concat([cipher.update(JSON.stringify(body), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), data]).toString('base64');
}

/** The body, or null when it was sealed with another key (SESSION_SECRET changed) or altered. */
export function unsealMail(key: Buffer, sealed: string): MailBody | null {
  try {
    const raw = Buffer.from(sealed, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    const json = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    const body = JSON.parse(json) as MailBody;
    return typeof body.text === 'string' && typeof body.html === 'string' ? body : null;
  } catch {
    return null;
  }
}
