// FastAPI's tests/test_tutorial/test_background_tasks/test_tutorial001.py and test_tutorial002.py, translated,
// at fastapi/fastapi@c3f316b7e814667e8ee81e03a7330d00ee61e45c.
import { describe, expect, it, vi } from 'vitest'
import { log, notificationFile, tutorial001, tutorial002 } from './background-tasks.ts'

// TestClient runs the tasks before it returns; `inject` resolves when the response is sent, before the tasks
// run, so the tests wait for them.
describe('background_tasks', () => {
  it('tutorial001: the notification is written after the response', async () => {
    const res = await tutorial001.inject({ method: 'POST', url: '/send-notification/foo@example.com' })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({ message: 'Notification sent in the background' })
    await vi.waitFor(() =>
      expect(notificationFile.content).toBe('notification for foo@example.com: some notification'),
    )
  })

  it("tutorial002: the dependency's task, then the route's", async () => {
    const res = await tutorial002.inject({
      method: 'POST',
      url: '/send-notification/foo@example.com?q=some-query',
    })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({ message: 'Message sent' })
    await vi.waitFor(() =>
      expect(log.join('')).toContain('found query: some-query\nmessage to foo@example.com'),
    )
  })
})
