/**
 * The core's UTF-8 codecs and the one scratch buffer that `Text` and `Base64` share. TextEncoder and
 * TextDecoder are globals of every runtime the core runs on (Node, browsers, Deno, Bun, edge
 * workers), though not of the ES library its types are checked against: declared here, once.
 *
 * Both users of `scratch` fill it, read it and wipe it in one synchronous call, so one buffer serves
 * them both; it saves an allocation per call, and what it held is wiped at once, as the text may be a
 * secret value. Internal to the core: not exported from the package.
 */

declare const TextEncoder: new () => {
  readonly encode: (text: string) => Uint8Array
  readonly encodeInto: (text: string, into: Uint8Array) => { readonly read: number; readonly written: number }
}
declare const TextDecoder: new () => { readonly decode: (bytes: Uint8Array) => string }

export const encoder = new TextEncoder()
export const decoder = new TextDecoder()

/**
 * 96 KiB: the UTF-8 of any text of up to 32,768 UTF-16 units (3 bytes each at most; the largest byte
 * limit of both dialects, Alibaba's Policy), and more than the ~44 KiB of base64 text of the largest
 * envelope (a 32 KiB Huawei value). Its length is even, so base64 can also view it as 16-bit units.
 */
export const scratch = new Uint8Array(3 * 32_768)
