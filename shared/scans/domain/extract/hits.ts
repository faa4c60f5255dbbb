/** What the zone readers found and where: shared by the header and the title readers. */
import type { DocumentTypeName } from './vocabulary';

/** Tên loại: its line, the type it names, and how sure the reader is. */
export interface TitleHit {
  line: number;
  type: DocumentTypeName;
  confidence: number;
}
