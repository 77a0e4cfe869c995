import type { PlaceKind } from '../schema/index.ts';
import type { GazetteerPlace } from './gazetteer.ts';
import type { Phrase } from './phrases.ts';

/** A name found in the text, with what it stands for and the role the text gives it. */
export interface FoundName extends Phrase {
  readonly kind: 'person' | 'place' | 'organisation';
  /** The role as written: an appositive, or the title before the name. */
  readonly role?: string;
  readonly placeKind?: PlaceKind;
  /** The gazetteer's entry, for a place it knows. */
  readonly place?: GazetteerPlace;
}
