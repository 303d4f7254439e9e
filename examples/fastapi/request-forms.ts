// FastAPI's "Form Data" tutorial, ported: docs_src/request_forms/tutorial001_an_py310.py, at
// fastapi/fastapi@c3f316b7e814667e8ee81e03a7330d00ee61e45c.
import { createApp, t } from 'fastbox'

export const app = createApp().post(
  '/login/',
  { form: { username: t.String(), password: t.String() } },
  function login({ form }) {
    return { username: form.username }
  },
)
