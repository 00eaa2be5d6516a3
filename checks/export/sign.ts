// Ed25519 signing of the bundle manifest with Node's crypto. The vendor keeps the private key; a
// reviewer verifies with the public key. Key files are PEM (PKCS#8 private, SPKI public).
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { InputError } from '../errors.js';
import { sha256Hex } from './format.js';

function parseKey(pem: Uint8Array, file: string, kind: 'private' | 'public'): KeyObject {
  let key: KeyObject;
  try {
    key = kind === 'private' ? createPrivateKey({ key: Buffer.from(pem), format: 'pem' }) : createPublicKey({ key: Buffer.from(pem), format: 'pem' });
  } catch (e) {
    throw new InputError(`not a PEM ${kind} key (${String((e as Error).message).split('\n')[0]})`, file);
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new InputError(`not an Ed25519 key (it is ${key.asymmetricKeyType ?? 'unknown'}); make one with \`ferpa-ready keygen\``, file);
  return key;
}

export function loadPrivateKey(pem: Uint8Array, file: string): KeyObject {
  return parseKey(pem, file, 'private');
}

/** A public key file; a private key file is accepted too (its public half is used). */
export function loadPublicKey(pem: Uint8Array, file: string): KeyObject {
  const text = Buffer.from(pem).toString('utf8');
  if (/-----BEGIN (ENCRYPTED )?PRIVATE KEY-----/.test(text)) return createPublicKey(parseKey(pem, file, 'private'));
  return parseKey(pem, file, 'public');
}

/** The key id: SHA-256 (hex) of the public key's SubjectPublicKeyInfo (DER). */
export function keyId(key: KeyObject): string {
  const pub = key.type === 'private' ? createPublicKey(key) : key;
  return sha256Hex(pub.export({ type: 'spki', format: 'der' }));
}

/** manifest.sig: the Ed25519 signature of the manifest bytes, base64, one line. */
export function signManifest(manifest: Uint8Array, key: KeyObject): Uint8Array {
  return Buffer.from(`${sign(null, manifest, key).toString('base64')}\n`, 'utf8');
}

/** True when `sig` (manifest.sig bytes) is a valid signature of `manifest` by `key`. */
export function checkSignature(manifest: Uint8Array, sig: Uint8Array, key: KeyObject): boolean {
  const text = Buffer.from(sig).toString('utf8');
  if (!/^[A-Za-z0-9+/]{86}==\n$/.test(text)) return false;
  const raw = Buffer.from(text.trim(), 'base64');
  if (raw.length !== 64) return false;
  try {
    return verify(null, manifest, key, raw);
  } catch {
    return false;
  }
}

export function generateSigningKey(): { privatePem: string; publicPem: string; keyId: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    keyId: keyId(publicKey),
  };
}
