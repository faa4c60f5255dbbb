/**
 * The printable exports (XLSX/CSV): the registers (sổ văn bản đến/đi) and the consolidated
 * reports of a period. Their own function, so that exceljs stays out of the busy ones.
 */
import { apiHandler } from '../shared/platform/http/api-handler';
import { services } from '../shared/composition';
import { arrivalYear } from '../shared/office/domain/numbering';
import { printableRegister } from '../shared/registers/domain/printable';
import type { RegisterName } from '../shared/registers/domain/model';
import { CSV_TYPE, XLSX_TYPE, registerCsv, registerXlsx } from '../shared/registers/adapters/register-export';
import { consolidatedCsv, consolidatedXlsx } from '../shared/reports/adapters/report-sheet';

const attachment = (name: string, type: string) => ({ 'content-type': type, 'content-disposition': `attachment; filename="${name}"` });

export const handler = apiHandler('exports', {
  exportRegister: async (req) => {
    const register = req.params.register as RegisterName;
    const year: number = req.query.year ?? arrivalYear(services().clock.now(), services().domainConfig.office.timeZone);
    const entries = await services().registers.allEntries(register, year, req.caller);
    const sheets = printableRegister(register, year, entries, services().domainConfig);
    const name = `so-van-ban-${register === 'incoming' ? 'den' : 'di'}-${year}`;
    if (req.query.format === 'csv') {
      return { status: 200, body: registerCsv(sheets, register === 'incoming' ? { bookColumn: 'Sổ' } : {}), headers: attachment(`${name}.csv`, CSV_TYPE) };
    }
    return { status: 200, binary: await registerXlsx(sheets), headers: attachment(`${name}.xlsx`, XLSX_TYPE) };
  },
  exportReports: async (req) => {
    const { table, type, period } = await services().reporting.reports.consolidated(req.query);
    const name = `bao-cao-${type.code}-${period}`;
    if (req.query.format === 'csv') return { status: 200, body: consolidatedCsv(table), headers: attachment(`${name}.csv`, CSV_TYPE) };
    return { status: 200, binary: await consolidatedXlsx(table, `${type.code} ${period}`), headers: attachment(`${name}.xlsx`, XLSX_TYPE) };
  },
});
