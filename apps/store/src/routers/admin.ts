/**
 * @module
 * `/admin`: what only admins see. The router's guard answers 403 to everyone else.
 */
import { desc } from 'drizzle-orm'
import { createRouter, t } from 'fastbox'
import { auditEntries, notifications } from '../db/tables.ts'
import type { StoreDependencies } from '../dependencies.ts'
import { toAuditEntry, toNotification } from '../records.ts'
import { AuditLog, ErrorDetail } from '../schemas.ts'

export function adminRouter(d: StoreDependencies) {
  return createRouter({
    prefix: '/admin',
    tags: ['admin'],
    dependencies: [d.adminUser],
    responses: { 403: { description: 'The signed-in user is not an admin', schema: ErrorDetail } },
  }).get(
    '/audit',
    {
      summary: 'Read the audit log',
      description: 'Audit entries and the notifications sent, newest first.',
      query: { limit: t.Integer({ minimum: 1, maximum: 500, default: 100 }) },
      deps: { db: d.database },
      response: AuditLog,
    },
    async ({ query, deps }) => {
      const entries = await deps.db
        .select()
        .from(auditEntries)
        .orderBy(desc(auditEntries.id))
        .limit(query.limit)
      const sent = await deps.db
        .select()
        .from(notifications)
        .orderBy(desc(notifications.id))
        .limit(query.limit)
      return { entries: entries.map(toAuditEntry), notifications: sent.map(toNotification) }
    },
  )
}
