/**
 * The path of the first object or array inside `value` (itself included) that is not frozen, or
 * undefined when every one is: a stored record must be frozen all the way down, and a path says
 * which part a change forgot. Typed arrays cannot be frozen and are passed over, as the store does.
 */
export const unfrozenPath = (value: unknown, path = '$'): string | undefined => {
  if (typeof value !== 'object' || value === null || ArrayBuffer.isView(value)) return undefined
  if (!Object.isFrozen(value)) return path
  for (const [key, child] of Object.entries(value)) {
    const found = unfrozenPath(child, `${path}.${key}`)
    if (found !== undefined) return found
  }
  return undefined
}
