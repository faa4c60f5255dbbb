/** Report types (loại báo cáo) as data an administrator manages: period, due rule, targets, data schema. */
import { ConflictError, NotFoundError, ValidationError } from '../../platform/errors';
import { hasAnyRole, OFFICE_ROLES, type Caller } from '../../platform/security';
import type { ReportType } from '../domain/model';
import { defineReportType, isTargeted, type ReportTypeDefinition } from '../domain/rules';
import { auditItem, type ReportingDeps } from './deps';

export interface ReportTypeChanges {
  name?: string | undefined;
  dueDay?: number | undefined;
  deadline?: string | undefined;
  reportPeriod?: string | undefined;
  /** null = every organisation again. */
  orgIds?: string[] | null | undefined;
  /** null = no schema. */
  dataSchema?: Record<string, unknown> | null | undefined;
  remindDaysBefore?: number[] | undefined;
  remindDaysAfter?: number[] | undefined;
  active?: boolean | undefined;
}

export class ReportTypeService {
  constructor(private readonly deps: ReportingDeps) {}

  async create(caller: Caller, def: ReportTypeDefinition, requestId?: string): Promise<ReportType> {
    const defined = await this.define(def);
    if (defined.orgIds) await this.checkOrgs(defined.orgIds);
    const now = this.deps.clock.now();
    const type: ReportType = { ...defined, active: true, createdAt: now.toISOString(), updatedAt: now.toISOString(), version: 1 };
    const audit = auditItem(this.deps, { actor: caller, action: 'report-type.create', entityType: 'report-type', entityId: type.code, before: null, after: type, ...(requestId ? { requestId } : {}) });
    await this.deps.types.create(type, audit);
    return type;
  }

  /** A type as the caller may see it: an organisation's client sees only the active types that target it. */
  async get(caller: Caller, code: string): Promise<ReportType> {
    const type = await this.deps.types.get(code);
    if (!type || !visible(caller, type)) throw new NotFoundError(`No report type ${code}`);
    return type;
  }

  async list(caller: Caller): Promise<ReportType[]> {
    return (await this.deps.types.all()).filter((t) => visible(caller, t)).sort((a, b) => a.code.localeCompare(b.code));
  }

  async update(caller: Caller, code: string, version: number, changes: ReportTypeChanges, requestId?: string): Promise<ReportType> {
    const current = await this.deps.types.get(code);
    if (!current) throw new NotFoundError(`No report type ${code}`);
    if (current.version !== version) throw new ConflictError(`Report type ${code} is at version ${current.version}, not ${version}`, [], 'STALE_VERSION');
    const cleared = <T>(change: T | null | undefined, cur: T | undefined): T | undefined => (change === undefined ? cur : (change ?? undefined));
    // Fields that do not belong to the type's period (dueDay on ad-hoc, deadline on monthly…) are refused by defineReportType.
    const def: ReportTypeDefinition = {
      code,
      period: current.period,
      name: changes.name ?? current.name,
      dueDay: changes.dueDay ?? current.dueDay,
      deadline: changes.deadline ?? current.deadline,
      reportPeriod: changes.reportPeriod ?? current.reportPeriod,
      orgIds: cleared(changes.orgIds, current.orgIds),
      dataSchema: cleared(changes.dataSchema, current.dataSchema),
      remindDaysBefore: changes.remindDaysBefore ?? current.remindDaysBefore,
      remindDaysAfter: changes.remindDaysAfter ?? current.remindDaysAfter,
    };
    const defined = await this.define(def);
    if (defined.orgIds) await this.checkOrgs(defined.orgIds);
    const now = this.deps.clock.now();
    const next: ReportType = {
      ...defined,
      active: changes.active ?? current.active,
      createdAt: current.createdAt,
      updatedAt: now.toISOString(),
      version: current.version + 1,
    };
    const audit = auditItem(this.deps, { actor: caller, action: 'report-type.update', entityType: 'report-type', entityId: code, before: current, after: next, ...(requestId ? { requestId } : {}) });
    await this.deps.types.update(next, current.version, audit);
    return next;
  }

  /** The definition checked, its data schema included (a schema that Ajv cannot compile is refused). */
  private async define(def: ReportTypeDefinition): Promise<ReturnType<typeof defineReportType>> {
    const defined = defineReportType(def, this.deps.config());
    if (defined.dataSchema !== undefined) await this.deps.schemas.check(defined.dataSchema);
    return defined;
  }

  private async checkOrgs(ids: string[]): Promise<void> {
    const known = new Set((await this.deps.orgs.all()).map((o) => o.id));
    const unknown = ids.filter((id) => !known.has(id));
    if (unknown.length) {
      throw new ValidationError(
        `Unknown organisations: ${unknown.join(', ')}`,
        unknown.map((id) => ({ path: 'body.orgIds', message: `no organisation ${id}` })),
        'UNKNOWN_ORG',
      );
    }
  }
}

function visible(caller: Caller, type: ReportType): boolean {
  if (hasAnyRole(caller, OFFICE_ROLES)) return true;
  return type.active && !!caller.orgId && isTargeted(type, caller.orgId);
}
