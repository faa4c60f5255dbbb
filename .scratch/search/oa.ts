import { buildOpenApi } from '../../shared/api/openapi';
import { ROUTES } from '../../shared/api/routes/index';
const doc = buildOpenApi(ROUTES, '0.1.0') as any;
console.log(JSON.stringify(doc.paths['/v1/search'].get.parameters.map((p: any) => p.name)));
console.log(Object.keys(doc.paths).filter((p) => p.includes('scan')));
