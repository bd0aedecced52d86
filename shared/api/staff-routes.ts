/** The staff console's routes (part of the route map, hall-routes.ts). */
import { z } from 'zod';
import { EmergencyInputSchema, NoticeInputSchema, UrgentInputSchema } from '../schemas/urgent';
import {
  AccountInputSchema,
  AnnouncementViewSchema,
  AuditEntrySchema,
  AuditQuerySchema,
  PairingApprovalSchema,
  PairingApprovedSchema,
  ScreenPatchSchema,
  ScreensResponseSchema,
  ScreenViewSchema,
  SessionInputSchema,
  SessionResponseSchema,
  SetupInputSchema,
  SetupStateSchema,
  StaffIdentitySchema,
  UrgentListResponseSchema,
  UrgentViewSchema,
} from '../staff-contract';
import { ClearedSchema, idParam, ScreenPagesSchema } from './route-parts';
import { defineRoute } from './define-route';

/** The staff console: sign-in, accounts, audit, urgent postings, notice and emergency, screens. */
export const STAFF_ROUTES = {
  staffPage: defineRoute({ method: 'GET', path: '/staff', auth: 'public', label: 'staff page', response: 'page' }),
  setupState: defineRoute({ method: 'GET', path: '/api/staff/setup', auth: 'public', label: 'setup', response: SetupStateSchema }),
  setup: defineRoute({ method: 'POST', path: '/api/staff/setup', auth: 'public', label: 'setup', body: SetupInputSchema, response: SessionResponseSchema }),
  signIn: defineRoute({ method: 'POST', path: '/api/staff/session', auth: 'public', label: 'sign-in', body: SessionInputSchema, response: SessionResponseSchema }),
  signOut: defineRoute({ method: 'DELETE', path: '/api/staff/session', auth: 'staff', label: 'sign-out', response: z.object({ ok: z.literal(true) }) }),
  me: defineRoute({ method: 'GET', path: '/api/staff/me', auth: 'staff', label: 'me', response: StaffIdentitySchema }),
  createAccount: defineRoute({ method: 'POST', path: '/api/staff/accounts', auth: 'admin', label: 'account', body: AccountInputSchema, response: StaffIdentitySchema }),
  audit: defineRoute({ method: 'GET', path: '/api/staff/audit', auth: 'staff', label: 'audit', query: AuditQuerySchema, response: z.object({ entries: z.array(AuditEntrySchema) }) }),
  urgentList: defineRoute({ method: 'GET', path: '/api/urgent', auth: 'staff', label: 'urgent postings', response: UrgentListResponseSchema }),
  urgentOne: defineRoute({ method: 'GET', path: '/api/urgent/:id', auth: 'staff', label: 'urgent posting', params: idParam, response: UrgentViewSchema }),
  urgentCreate: defineRoute({ method: 'POST', path: '/api/urgent', auth: 'staff', label: 'urgent posting', body: UrgentInputSchema, response: z.object({ id: z.string() }) }),
  urgentRetract: defineRoute({
    method: 'DELETE',
    path: '/api/urgent/:id',
    auth: 'staff',
    label: 'urgent posting',
    params: idParam,
    response: z.object({ id: z.string(), retractedAt: z.number().int().nullable() }),
  }),
  noticeSet: defineRoute({ method: 'PUT', path: '/api/staff/notice', auth: 'staff', label: 'notice', body: NoticeInputSchema, response: AnnouncementViewSchema.nullable() }),
  noticeClear: defineRoute({ method: 'DELETE', path: '/api/staff/notice', auth: 'staff', label: 'notice', response: ClearedSchema }),
  emergencySet: defineRoute({ method: 'PUT', path: '/api/staff/emergency', auth: 'staff', label: 'emergency', body: EmergencyInputSchema, response: AnnouncementViewSchema.nullable() }),
  emergencyClear: defineRoute({ method: 'DELETE', path: '/api/staff/emergency', auth: 'staff', label: 'emergency', response: ClearedSchema }),
  screens: defineRoute({ method: 'GET', path: '/api/staff/screens', auth: 'staff', label: 'screens', response: ScreensResponseSchema }),
  screenUpdate: defineRoute({ method: 'PATCH', path: '/api/staff/screens/:id', auth: 'staff', label: 'screen', params: idParam, body: ScreenPatchSchema, response: ScreenViewSchema }),
  screenIdentify: defineRoute({ method: 'POST', path: '/api/staff/screens/:id/identify', auth: 'staff', label: 'identify', params: idParam, response: ScreenPagesSchema }),
  screenReload: defineRoute({ method: 'POST', path: '/api/staff/screens/:id/reload', auth: 'staff', label: 'reload', params: idParam, response: ScreenPagesSchema }),
  /** Revoke a paired board device or kiosk. */
  deviceRevoke: defineRoute({ method: 'DELETE', path: '/api/staff/devices/:id', auth: 'staff', label: 'device', params: idParam, response: z.object({ revoked: z.string() }) }),
  pairingApprove: defineRoute({ method: 'POST', path: '/api/staff/pairings', auth: 'staff', label: 'pairing', body: PairingApprovalSchema, response: PairingApprovedSchema }),
} as const;
