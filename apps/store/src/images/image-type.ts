/**
 * @module
 * The image formats the store takes, recognised by their first bytes (a file's declared type alone proves
 * nothing: any upload can say `image/png`).
 */

/** The content types the store accepts, and serves images as. */
export const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'] as const
export type ImageType = (typeof IMAGE_TYPES)[number]

/** The signature each format's files start with (WebP: a RIFF container whose form type is `WEBP`). */
const SIGNATURES: readonly { readonly type: ImageType; readonly at: number; readonly bytes: Buffer }[] = [
  { type: 'image/png', at: 0, bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  { type: 'image/jpeg', at: 0, bytes: Buffer.from([0xff, 0xd8, 0xff]) },
  { type: 'image/gif', at: 0, bytes: Buffer.from('GIF87a', 'latin1') },
  { type: 'image/gif', at: 0, bytes: Buffer.from('GIF89a', 'latin1') },
  { type: 'image/webp', at: 0, bytes: Buffer.from('RIFF', 'latin1') },
]
const WEBP_FORM = Buffer.from('WEBP', 'latin1')

/** The format `data` is in, by its first bytes; `undefined` for anything else. */
export function sniffImageType(data: Buffer): ImageType | undefined {
  for (const { type, at, bytes } of SIGNATURES) {
    if (!data.subarray(at, at + bytes.length).equals(bytes)) continue
    if (type === 'image/webp' && !data.subarray(8, 12).equals(WEBP_FORM)) continue
    return type
  }
  return undefined
}

/** `image/JPEG; charset=x` → `image/jpeg`, if it is one of {@link IMAGE_TYPES}. */
export function acceptedImageType(contentType: string): ImageType | undefined {
  const essence = contentType.split(';')[0]?.trim().toLowerCase()
  return IMAGE_TYPES.find((type) => type === essence)
}
