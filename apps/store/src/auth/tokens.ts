/**
 * @module
 * Access tokens: JWTs signed with HS256 (`jose`), naming the user in `sub` and expiring after a set time.
 */
import { randomBytes } from 'node:crypto'
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { errors, jwtVerify, SignJWT } from 'jose'

const ISSUER = 'fastbox-store'
const MIN_SECRET_LENGTH = 32

/** Throws unless `secret` is long enough to sign with HS256 safely. */
export function checkSecret(secret: string): string {
  if (secret.length < MIN_SECRET_LENGTH) {
    throw new Error(`The token signing secret must be at least ${MIN_SECRET_LENGTH} characters long`)
  }
  return secret
}

export class TokenService {
  readonly #key: Uint8Array
  readonly #minutes: number

  constructor(secret: string, minutes: number) {
    this.#key = new TextEncoder().encode(secret)
    this.#minutes = minutes
  }

  issue(userId: number): Promise<string> {
    return new SignJWT({})
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(String(userId))
      .setIssuer(ISSUER)
      .setIssuedAt()
      .setExpirationTime(`${this.#minutes}m`)
      .sign(this.#key)
  }

  /** The user id of a valid, unexpired token of this store; `undefined` for anything else. */
  async userId(token: string): Promise<number | undefined> {
    try {
      const { payload } = await jwtVerify(token, this.#key, { algorithms: ['HS256'], issuer: ISSUER })
      const id = Number(payload.sub)
      return Number.isSafeInteger(id) && id > 0 ? id : undefined
    } catch (error) {
      if (error instanceof errors.JOSEError) return undefined
      throw error
    }
  }
}

/**
 * The embedded store's secret, kept in its data folder (readable by its owner only): made on the first start,
 * read on the next, so tokens stay valid across restarts.
 */
export function folderSecret(dataDir: string): string {
  const file = join(dataDir, 'jwt-secret')
  try {
    const fd = openSync(file, 'wx', 0o600)
    const secret = randomBytes(48).toString('base64url')
    writeSync(fd, secret)
    closeSync(fd)
    return secret
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    return readFileSync(file, 'utf8').trim()
  }
}

/** A secret for this process only (an in-memory store: its tokens end with it). */
export function processSecret(): string {
  return randomBytes(48).toString('base64url')
}
