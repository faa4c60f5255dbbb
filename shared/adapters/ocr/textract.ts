/** Placeholder until the Textract engine lands (step 4). */
import type { ReadText } from '../../services/scans/deps';
import type { OcrEngine } from './engine';
export class TextractEngine implements OcrEngine {
  readonly name = 'textract';
  async read(_bytes: Uint8Array): Promise<ReadText> {
    throw new Error('textract engine not implemented yet');
  }
}
