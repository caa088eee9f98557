/** Small input checks shared by the operations; a bad value is an `INVALID_INPUT` refusal. */
import { StoreRefusal } from './errors';

/** Trimmed, non-empty, at most `max` characters. */
export function text(value: string, field: string, max = 200): string {
  const trimmed = typeof value === 'string' ? value.trim() : '';
  if (trimmed === '' || trimmed.length > max) {
    throw new StoreRefusal('INVALID_INPUT', undefined, field);
  }
  return trimmed;
}
