import { reasonOf } from './command-result';

/**
 * A write to the browser's storage, which can fail (storage full, profile locked): the failure
 * becomes a French sentence for the visitor, never a silent loss.
 */
export async function written<T>(write: Promise<T>, what: string): Promise<T> {
  try {
    return await write;
  } catch (error) {
    throw new Error(`Le navigateur n’a pas pu enregistrer ${what} (${reasonOf(error)}).`);
  }
}
