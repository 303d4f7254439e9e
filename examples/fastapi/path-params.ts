// FastAPI's "Path Parameters" tutorials, ported: docs_src/path_params/tutorial001_py310.py, tutorial002_py310.py,
// tutorial003_py310.py, tutorial003b_py310.py, tutorial004_py310.py and tutorial005_py310.py, at
// fastapi/fastapi@c3f316b7e814667e8ee81e03a7330d00ee61e45c.
import { createApp, t } from 'fastbox'

/** tutorial001: a path parameter with no type is a string. */
export const tutorial001 = createApp().get('/items/{item_id}', function readItem({ path }) {
  return { item_id: path.item_id }
})

/** tutorial002: `item_id: int`. */
export const tutorial002 = createApp().get(
  '/items/{item_id}',
  { path: { item_id: t.Integer() } },
  function readItem({ path }) {
    return { item_id: path.item_id }
  },
)

/** tutorial003: a fixed path declared before the parameterised one wins. */
export const tutorial003 = createApp()
  .get('/users/me', function readUserMe() {
    return { user_id: 'the current user' }
  })
  .get('/users/{user_id}', { path: { user_id: t.String() } }, function readUser({ path }) {
    return { user_id: path.user_id }
  })

/** tutorial003b: the same path declared twice (FastAPI serves the first; Fastbox refuses the second). */
export function tutorial003b() {
  return createApp()
    .get('/users', function readUsers() {
      return ['Rick', 'Morty']
    })
    .get('/users', function readUsers2() {
      return ['Bean', 'Elfo']
    })
}

/** tutorial004: a path parameter that holds a path. */
export const tutorial004 = createApp().get(
  '/files/{file_path:path}',
  { path: { file_path: t.String() } },
  function readFile({ path }) {
    return { file_path: path.file_path }
  },
)

/** tutorial005: `class ModelName(str, Enum)`, a shared schema. */
const ModelName = t.Union([t.Literal('alexnet'), t.Literal('resnet'), t.Literal('lenet')], {
  $id: 'ModelName',
})

export const tutorial005 = createApp().get(
  '/models/{model_name}',
  { path: { model_name: ModelName } },
  function getModel({ path }) {
    const model_name = path.model_name
    if (model_name === 'alexnet') return { model_name, message: 'Deep Learning FTW!' }
    if (model_name === 'lenet') return { model_name, message: 'LeCNN all the images' }
    return { model_name, message: 'Have some residuals' }
  },
)
