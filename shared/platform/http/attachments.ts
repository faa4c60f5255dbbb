/** A download's headers: the media types of the printable exports and the Content-Disposition that names the file. */
export { CSV_TYPE } from '../text/csv';
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Headers of a file the browser saves under `name` (ASCII names: the exports' names are made so). */
export const attachment = (name: string, type: string): Record<string, string> => ({ 'content-type': type, 'content-disposition': `attachment; filename="${name}"` });
