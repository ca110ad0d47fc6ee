/**
 * Reads a request's body under a size limit, for both APIs the server speaks. It never throws and
 * never buffers more than the limit: a body declared or found too large is refused as soon as that
 * is known, and the caller drains (not keeps) the rest.
 *
 * @since 0.1.0
 */
import type { IncomingMessage } from 'node:http'
import * as E from 'fp-ts/lib/Either.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * Why there is no body: larger than the limit, or the client broke off while sending it.
 *
 * @category model
 * @since 0.1.0
 */
export type Failure = 'too-large' | 'unreadable'

// -------------------------------------------------------------------------------------
// destructors
// -------------------------------------------------------------------------------------

/**
 * The whole body, or why not.
 *
 * @category destructors
 * @since 0.1.0
 */
export const read = (req: IncomingMessage, limit: number): Promise<E.Either<Failure, Buffer>> => {
  const declared = Number(req.headers['content-length'] ?? 0)
  if (declared > limit) return Promise.resolve(E.left('too-large'))
  return new Promise((resolve) => {
    const chunks: Array<Buffer> = []
    let size = 0
    const onData = (chunk: Buffer): void => {
      size += chunk.length
      if (size > limit) {
        req.off('data', onData)
        chunks.length = 0
        resolve(E.left('too-large'))
      } else chunks.push(chunk)
    }
    req.on('data', onData)
    req.once('end', () => resolve(E.right(Buffer.concat(chunks))))
    req.once('error', () => resolve(E.left('unreadable')))
    req.once('close', () => resolve(E.left('unreadable')))
  })
}
