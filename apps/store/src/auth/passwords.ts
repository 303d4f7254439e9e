/**
 * @module
 * Password hashing with Argon2id (`@node-rs/argon2`, OWASP's recommended parameters are its defaults).
 */
import { type Algorithm, hash, verify } from '@node-rs/argon2'

// `Algorithm.Argon2id`: a const enum, which `verbatimModuleSyntax` cannot read at run time.
const ARGON2ID: Algorithm.Argon2id = 2

export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: ARGON2ID })
}

/** A hash of nothing anyone knows, verified when the username is unknown so that both cases take as long. */
const UNKNOWN_USER_HASH = hashPassword(crypto.randomUUID())

/** Whether `password` matches `hashed`; with no hash (an unknown user) false, after the same work. */
export async function verifyPassword(hashed: string | undefined, password: string): Promise<boolean> {
  if (hashed === undefined) {
    await verify(await UNKNOWN_USER_HASH, password)
    return false
  }
  return verify(hashed, password)
}
