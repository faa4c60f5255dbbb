import { parseNumberSymbol } from './shared/domain/number-symbol';
for (const t of ['Số 5 CT/ĐU Uy Nỗ', 'Số 12-NQ/TU', 'Sô 08 - QĐi / TW', 'Số: 45/2024/NĐ-CP', '123/UBND-VP', '15/QĐ-UBND', 'S6 1O–NQ/TU', 'So 22-NQ/DUK', 'Số 24-BS/UBKTTU', 'Số 5-NQ/ĐU-BCH','Số: 15 /QĐ- UBND', 'Số 5.CT/ĐU'])
  console.log(t, '→', JSON.stringify(parseNumberSymbol(t)));
