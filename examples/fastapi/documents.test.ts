// Every ported tutorial app's OpenAPI document validates against the OpenAPI 3.1 schema, every $ref resolving.
import type { App } from 'fastbox'
import { describe, expect, it } from 'vitest'
import { expectValid } from '../../packages/core/src/openapi/test-support.ts'
import * as backgroundTasks from './background-tasks.ts'
import * as biggerApplications from './bigger-applications.ts'
import * as body from './body.ts'
import * as dependencies from './dependencies.ts'
import * as handlingErrors from './handling-errors.ts'
import * as headerCookieParams from './header-cookie-params.ts'
import * as models from './models.ts'
import * as pathOperationConfiguration from './path-operation-configuration.ts'
import * as pathParams from './path-params.ts'
import * as queryParams from './query-params.ts'
import * as queryParamsStrValidations from './query-params-str-validations.ts'
import * as requestForms from './request-forms.ts'
import * as responseModel from './response-model.ts'
import * as security from './security.ts'

const modules = {
  backgroundTasks,
  biggerApplications,
  body,
  dependencies,
  handlingErrors,
  headerCookieParams,
  models,
  pathOperationConfiguration,
  pathParams,
  queryParams,
  queryParamsStrValidations,
  requestForms,
  responseModel,
  security,
}

const isApp = (value: unknown): value is App<unknown> =>
  typeof value === 'object' && value !== null && 'openapi' in value && 'fastify' in value

const apps = Object.entries(modules).flatMap(([module, exports]) =>
  Object.entries(exports as Record<string, unknown>)
    .filter((entry): entry is [string, App<unknown>] => isApp(entry[1]))
    .map(([name, app]) => [`${module}.${name}`, app] as const),
)

describe('the ported tutorials’ OpenAPI documents', () => {
  it('cover every app', () => {
    expect(apps.length).toBeGreaterThanOrEqual(40)
  })

  it.each(apps)('%s validates against the OpenAPI 3.1 schema', async (_name, app) => {
    await app.ready()
    await expectValid(app.openapi())
  })
})
