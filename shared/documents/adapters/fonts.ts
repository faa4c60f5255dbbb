/**
 * The Tinos files the PDF renderer reads at run time (require.resolve), as package paths. The
 * cloud bundles copy exactly these into the function's asset (infra: DaumoiFunction's
 * `runtimeFiles`), so the renderer finds them the same way in Lambda as on this machine.
 */
import type { Style } from '../domain/layout';

export const FONT_FILES: Record<Style, string> = {
  regular: '@expo-google-fonts/tinos/400Regular/Tinos_400Regular.ttf',
  bold: '@expo-google-fonts/tinos/700Bold/Tinos_700Bold.ttf',
  italic: '@expo-google-fonts/tinos/400Regular_Italic/Tinos_400Regular_Italic.ttf',
  'bold-italic': '@expo-google-fonts/tinos/700Bold_Italic/Tinos_700Bold_Italic.ttf',
};

/** Every file a function that renders documents must carry: the fonts and their package's manifest and licence. */
export const DOCUMENT_RUNTIME_FILES: readonly string[] = [...Object.values(FONT_FILES), '@expo-google-fonts/tinos/package.json', '@expo-google-fonts/tinos/LICENSE_FONT'];
