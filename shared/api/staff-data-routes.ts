/** The console's data routes (part of the route map, hall-routes.ts). */
import {
  ContactedInputSchema,
  ExportQuerySchema,
  ImportQuerySchema,
  ImportReportSchema,
  PostingFieldsSchema,
  PostingQuerySchema,
  PostingsResponseSchema,
  PulseResponseSchema,
  PulseScreenInputSchema,
  PulseSettingsSchema,
  PurgeReportSchema,
  RetentionInputSchema,
  RetentionResponseSchema,
  RevealedSignupSchema,
  RevealInputSchema,
  SignupQuerySchema,
  SignupsResponseSchema,
  SignupViewSchema,
  StaffPostingSchema,
} from '../staff-data-contract';
import { idParam } from './route-parts';
import { defineRoute } from './define-route';

/** The console's data: postings and their import, sign-ups, market pulse. */
export const STAFF_DATA_ROUTES = {
  postings: defineRoute({ method: 'GET', path: '/api/staff/postings', auth: 'staff', label: 'postings', query: PostingQuerySchema, response: PostingsResponseSchema }),
  posting: defineRoute({ method: 'GET', path: '/api/staff/postings/:id', auth: 'staff', label: 'posting', params: idParam, response: StaffPostingSchema }),
  postingHide: defineRoute({ method: 'POST', path: '/api/staff/postings/:id/hide', auth: 'staff', label: 'hide', params: idParam, response: StaffPostingSchema }),
  postingUnhide: defineRoute({ method: 'POST', path: '/api/staff/postings/:id/unhide', auth: 'staff', label: 'unhide', params: idParam, response: StaffPostingSchema }),
  postingCreate: defineRoute({ method: 'POST', path: '/api/staff/postings', auth: 'staff', label: 'posting', body: PostingFieldsSchema, response: StaffPostingSchema }),
  postingUpdate: defineRoute({ method: 'PUT', path: '/api/staff/postings/:id', auth: 'staff', label: 'posting', params: idParam, body: PostingFieldsSchema, response: StaffPostingSchema }),
  /** The spreadsheet itself is the body (application/octet-stream). */
  postingsImport: defineRoute({ method: 'POST', path: '/api/staff/postings/import', auth: 'staff', label: 'import', query: ImportQuerySchema, body: 'file', response: ImportReportSchema }),
  importTemplate: defineRoute({ method: 'GET', path: '/api/staff/postings/import/template.csv', auth: 'staff', label: 'import template', response: 'file' }),
  signups: defineRoute({ method: 'GET', path: '/api/staff/signups', auth: 'staff', label: 'sign-ups', query: SignupQuerySchema, response: SignupsResponseSchema }),
  signupReveal: defineRoute({ method: 'POST', path: '/api/staff/signups/:id/reveal', auth: 'staff', label: 'reveal', params: idParam, body: RevealInputSchema, response: RevealedSignupSchema }),
  signupContacted: defineRoute({ method: 'PUT', path: '/api/staff/signups/:id/contacted', auth: 'staff', label: 'contacted', params: idParam, body: ContactedInputSchema, response: SignupViewSchema }),
  signupsExport: defineRoute({ method: 'GET', path: '/api/staff/signups/export.csv', auth: 'staff', label: 'export', query: ExportQuerySchema, response: 'file' }),
  signupsRetention: defineRoute({ method: 'PUT', path: '/api/staff/signups/retention', auth: 'admin', label: 'retention', body: RetentionInputSchema, response: RetentionResponseSchema }),
  /** Takes no body: the retention period decides what goes. */
  signupsPurge: defineRoute({ method: 'POST', path: '/api/staff/signups/purge', auth: 'staff', label: 'purge', response: PurgeReportSchema }),
  pulse: defineRoute({ method: 'GET', path: '/api/staff/pulse', auth: 'staff', label: 'pulse', response: PulseResponseSchema }),
  pulseSettings: defineRoute({ method: 'PUT', path: '/api/staff/pulse/settings', auth: 'staff', label: 'pulse settings', body: PulseSettingsSchema, response: PulseResponseSchema }),
  pulseScreen: defineRoute({ method: 'PUT', path: '/api/staff/pulse/screens/:id', auth: 'staff', label: 'pulse screen', params: idParam, body: PulseScreenInputSchema, response: PulseResponseSchema }),
} as const;
