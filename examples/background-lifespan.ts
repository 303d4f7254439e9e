import { createApp, createLifespan, dependency, t } from 'fastbox'

export const sent: string[] = []

const lifespan = createLifespan(async function* () {
  const mailer = { send: async (to: string, text: string) => void sent.push(`${to}: ${text}`) }
  yield { mailer } // set up before the first request
  sent.push('mailer closed') // torn down by app.close()
})

const getMailer = dependency({ deps: { state: lifespan.state } }, ({ deps }) => deps.state.mailer)

export const app = createApp({ lifespan }).post(
  '/signup',
  { body: t.Object({ email: t.String({ format: 'email' }) }), deps: { mailer: getMailer }, status: 202 },
  ({ body, deps, background }) => {
    background.add(deps.mailer.send, body.email, 'Welcome!') // runs after the response is sent
    return { queued: true }
  },
)
