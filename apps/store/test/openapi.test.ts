import { Validator } from '@seriousme/openapi-schema-validator'
import { expect, it } from 'vitest'
import { buildApp } from '../src/app.ts'

it('serves a valid OpenAPI 3.1 document', async () => {
  const app = buildApp({ dataDir: 'memory://' })
  try {
    const res = await app.inject('/openapi.json')
    expect(res.statusCode).toBe(200)
    const result = await new Validator().validate(res.json())
    expect(result).toEqual({ valid: true })
  } finally {
    await app.close()
  }
}, 120_000)

it('matches the committed snapshot, so every change to the document is reviewed in a diff', async () => {
  // Regenerate after an intended change with `pnpm vitest run apps/store -u`.
  const app = buildApp({ dataDir: 'memory://' })
  await app.ready()
  const text = `${JSON.stringify(app.openapi(), null, 2)}\n`
  await app.close()
  await expect(text).toMatchFileSnapshot('./openapi.snap.json')
}, 120_000)
