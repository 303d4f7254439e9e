/**
 * @module
 * A Fastbox route becomes a Fastify route carrying its schemas, so route-reading plugins (such as
 * `@fastify/swagger`) see its parameters, body and responses, and its route model in `config`. Requests are
 * still validated by Fastbox in one pass (FastAPI's 422 lists every error of every part; Fastify's own
 * validation stops at the first failing part), so the route's validator compiler accepts everything.
 */
import type { FastifyInstance, FastifySchema, RouteHandlerMethod } from 'fastify'
import type { ParamPartModel, PartLocation, RouteModel } from '../analysis/model.ts'
import { formMediaType } from '../schema/upload.ts'
import type { MultipartForms } from './multipart.ts'
import { routeDeadline } from './route-deadline.ts'

/** A route's model, kept by the app and replaced when `dependencyOverrides` change. */
export interface RouteRecord {
  model: RouteModel
}

/** The key of a Fastbox route's {@link RouteRecord} in its Fastify route's `config`. */
export const kRoute = Symbol('fastbox.route')

/** Fastify's name for each part Fastbox reads (cookies have none: they travel in `config` only). */
const FASTIFY_PARTS: Partial<Record<PartLocation, keyof FastifySchema>> = {
  path: 'params',
  query: 'querystring',
  header: 'headers',
  form: 'body',
}

const acceptAll = () => () => true

export function registerRoute(
  fastify: FastifyInstance,
  record: RouteRecord,
  handler: RouteHandlerMethod,
  where: string,
  forms: MultipartForms,
): void {
  const { model } = record
  const formHooks = forms.hooksFor(record)
  fastify.route({
    ...routeDeadline(model.spec.handlerTimeout, where),
    method: [...model.methods],
    url: model.path.fastify,
    schema: routeSchema(model),
    validatorCompiler: acceptAll,
    config: { [kRoute]: record },
    ...formHooks,
    handler,
  })
}

function routeSchema(model: RouteModel): FastifySchema {
  const schema: Record<string, unknown> = {}
  for (const part of model.parts as readonly ParamPartModel<PartLocation>[]) {
    const key = FASTIFY_PARTS[part.location]
    if (key !== undefined) schema[key] = part.schema
  }
  if (model.form !== undefined) schema.consumes = [formMediaType(model.form.schema)]
  if (model.body !== undefined) schema.body = model.body.schema
  // A response kind is written by Fastbox (see `runtime/write-kind.ts`), not by Fastify's serializer.
  schema.response = Object.fromEntries(
    [...model.responses]
      .filter(([, response]) => response.kind === undefined)
      .map(([status, response]) => [status, response.serializerSchema]),
  )
  return schema
}
