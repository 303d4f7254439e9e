// FastAPI's "Background Tasks" tutorials, ported: docs_src/background_tasks/tutorial001_py310.py and
// tutorial002_an_py310.py, at fastapi/fastapi@c3f316b7e814667e8ee81e03a7330d00ee61e45c.
// Difference: the tasks write to an array instead of `log.txt`, so that tests write no files.
import { createApp, dependency, nullable, t } from 'fastbox'

/** tutorial001's `log.txt` (opened with mode "w": each write replaces it). */
export const notificationFile = { content: '' }

function writeNotification(email: string, message = '') {
  notificationFile.content = `notification for ${email}: ${message}`
}

export const tutorial001 = createApp().post(
  '/send-notification/{email}',
  { path: { email: t.String() } },
  function sendNotification({ path, background }) {
    background.add(writeNotification, path.email, 'some notification')
    return { message: 'Notification sent in the background' }
  },
)

/** tutorial002's `log.txt` (opened with mode "a"). */
export const log: string[] = []

function writeLog(message: string) {
  log.push(message)
}

// A dependency adds a task too: both run after the response, the dependency's first.
const getQuery = dependency({ query: { q: nullable(t.String()) } }, ({ query, background }) => {
  if (query.q) background.add(writeLog, `found query: ${query.q}\n`)
  return query.q
})

export const tutorial002 = createApp().post(
  '/send-notification/{email}',
  { path: { email: t.String() }, deps: { q: getQuery } },
  function sendNotification({ path, background }) {
    background.add(writeLog, `message to ${path.email}\n`)
    return { message: 'Message sent' }
  },
)
