/**
 * @module
 * The OpenAPI content of a response kind (see `spec/response-kinds.ts`), keyed by its media type:
 *
 * - `html()`, `text()`: `{type: 'string'}` (FastAPI's schema for a non-JSON response class);
 * - `fileResponse()`, `stream()`: a string of the media type's bytes (`contentMediaType`, JSON Schema 2020-12);
 * - `redirect()`: no content (as FastAPI's `RedirectResponse`);
 * - `jsonLines(Item)`, `eventStream(Item)`: the items. OpenAPI 3.2 has `itemSchema` for such sequential media
 *   types; 3.1 (the version Fastbox writes) allows only `schema` in a media type object, and 3.2 defines
 *   `schema` on a sequential media type as describing the whole stream as if it were an array. So the items
 *   are documented as `schema: {type: 'array', items: <item>}`, which 3.1 tools read. An event's item is
 *   FastAPI's (OpenAPI 3.2's) Server-Sent Event schema, its `data` a JSON string of the item schema.
 */
import type { ResponseModel } from '../analysis/model.ts'
import type { JsonSchema } from '../schema/json-schema.ts'
import { kResponseKind } from '../spec/response-kinds.ts'

/** The response's content in @fastify/swagger's form (`{ [mediaType]: { schema } }`), or none. */
export function kindContent(response: ResponseModel): Record<string, JsonSchema> | undefined {
  const { kind } = response
  if (kind === undefined) return undefined
  switch (kind[kResponseKind]) {
    case 'html':
    case 'text':
      return media(kind.mediaType ?? 'text/plain', { type: 'string' })
    case 'redirect':
      return undefined
    case 'file':
    case 'stream': {
      const type = kind.mediaType ?? 'application/octet-stream'
      return media(type, { type: 'string', contentMediaType: type })
    }
    case 'jsonLines':
      return media('application/jsonl', { type: 'array', items: response.schema })
    case 'eventStream':
      return media('text/event-stream', { type: 'array', items: eventSchema(response.schema) })
  }
}

function media(type: string, schema: JsonSchema): Record<string, JsonSchema> {
  return { [type]: { schema } }
}

/** FastAPI's `_SSE_EVENT_SCHEMA` (OpenAPI 3.2, "Special Considerations for Server-Sent Events"), with its data. */
function eventSchema(data: JsonSchema): JsonSchema {
  return {
    type: 'object',
    properties: {
      data: { type: 'string', contentMediaType: 'application/json', contentSchema: data },
      event: { type: 'string' },
      id: { type: 'string' },
      retry: { type: 'integer', minimum: 0 },
    },
    required: ['data'],
  }
}
