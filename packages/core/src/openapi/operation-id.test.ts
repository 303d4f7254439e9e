import { describe, expect, it } from 'vitest'
import { createApp } from '../index.ts'
import { assignOperationIds, deriveOperationId } from './operation-id.ts'
import { documentOf, expectValid } from './test-support.ts'

describe('deriveOperationId', () => {
  it('joins the lower-case method and the words of the path with "_"', async () => {
    expect(deriveOperationId('GET', '/items/{item_id}')).toBe('get_items_item_id')
    expect(deriveOperationId('POST', '/items')).toBe('post_items')
    expect(deriveOperationId('DELETE', '/users/{user_id}/items/{item_id}')).toBe(
      'delete_users_user_id_items_item_id',
    )
    expect(deriveOperationId('GET', '/files/{name}.{ext}')).toBe('get_files_name_ext')
    expect(deriveOperationId('PUT', '/v1:batch-update/')).toBe('put_v1_batch_update')
    expect(deriveOperationId('GET', '/')).toBe('get_root')
  })
})

describe('assignOperationIds', () => {
  it('keeps given ids, and numbers derived ids that collide', async () => {
    expect(
      assignOperationIds([
        { method: 'GET', path: '/items', given: undefined },
        { method: 'GET', path: '/items/', given: undefined },
        { method: 'GET', path: '/items-', given: undefined },
        { method: 'POST', path: '/items', given: 'get_items_2' },
      ]),
    ).toEqual(['get_items', 'get_items_3', 'get_items_4', 'get_items_2'])
  })

  it('throws, naming the id and both operations, when two are given the same id', async () => {
    expect(() =>
      assignOperationIds([
        { method: 'GET', path: '/a', given: 'listThings' },
        { method: 'GET', path: '/b', given: 'listThings' },
      ]),
    ).toThrow('The operationId "listThings" is given to both GET /a and GET /b: operationIds must be unique.')
  })
})

describe('operationIds in the document', () => {
  it('are readable and unique across the app', async () => {
    const app = createApp()
      .get('/items/{item_id}', () => null)
      .get('/items/:item_id/', () => null)
      .post('/items', { operationId: 'createItem' }, () => null)
      .get('/', () => null)
      .route('/things', { method: ['GET', 'POST'], operationId: 'things' }, () => null)
      .get('/hidden', { includeInSchema: false, operationId: 'get_root' }, () => null)
    const doc = await documentOf(app)
    const ids = Object.values(doc.paths).flatMap((item) =>
      Object.values(item).map((operation) => operation.operationId),
    )
    expect(ids).toEqual([
      'get_items_item_id',
      'get_items_item_id_2',
      'createItem',
      'get_root',
      'things_get',
      'things_post',
    ])
    await expectValid(doc)
  })

  it('throws when two routes are given the same operationId', async () => {
    const app = createApp()
      .get('/a', { operationId: 'readThing' }, () => null)
      .get('/b', { operationId: 'readThing' }, () => null)
    await expect(documentOf(app)).rejects.toThrow(/"readThing" is given to both GET \/a and GET \/b/)
  })
})
