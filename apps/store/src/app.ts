/**
 * @module
 * The demo store, built only with Fastbox's public API: a router per resource, a database opened by the app's
 * lifespan (embedded PGlite by default, PostgreSQL with `DATABASE_URL`), signed tokens and Argon2id passwords.
 */
import rateLimit from '@fastify/rate-limit'
import { type AppOptions, createApp, createLifespan } from 'fastbox'
import { checkSecret, folderSecret, processSecret, TokenService } from './auth/tokens.ts'
import { configFromEnv, DEFAULT_DATA_DIR, IN_MEMORY, type StoreConfig } from './config.ts'
import { openDatabase } from './db/database.ts'
import { type StoreState, storeDependencies } from './dependencies.ts'
import { useStoreErrors } from './errors.ts'
import { documentImageDownload } from './images/openapi.ts'
import { adminRouter } from './routers/admin.ts'
import { authRouter } from './routers/auth.ts'
import { itemImagesRouter } from './routers/item-images.ts'
import { itemsRouter } from './routers/items.ts'
import { ordersRouter } from './routers/orders.ts'
import { usersRouter } from './routers/users.ts'

export type { StoreConfig } from './config.ts'
export { InsufficientStockError } from './errors.ts'

export interface StoreOptions extends StoreConfig {
  /** `createApp()` options over the store's (a logger for tests, timeouts...). */
  app?: AppOptions
}

/**
 * The configured signing key. Without one, a store on PostgreSQL stops (its instances must share the key); an
 * embedded one makes its own, once its folder exists (see `embeddedSecret`).
 */
function configuredSecret(config: StoreConfig): string | undefined {
  if (config.jwtSecret === undefined && config.databaseUrl !== undefined) {
    throw new Error(
      'Set STORE_JWT_SECRET (32 characters or more): every store on one PostgreSQL must share it',
    )
  }
  return config.jwtSecret === undefined ? undefined : checkSecret(config.jwtSecret)
}

/** The embedded store's own key: kept in its data folder, or this process's for an in-memory store. */
function embeddedSecret(dataDir: string): string {
  return dataDir === IN_MEMORY ? processSecret() : folderSecret(dataDir)
}

/**
 * The store app. Without options it reads the environment (`DATABASE_URL`, `STORE_DATA_DIR`, `STORE_JWT_SECRET`,
 * `STORE_TOKEN_MINUTES`); the database opens when the app starts (`ready`, `listen`) and closes with it.
 */
export function buildApp(options: StoreOptions = configFromEnv()) {
  const { app: appOptions, ...config } = options
  const dataDir = config.dataDir ?? DEFAULT_DATA_DIR

  const lifespan = createLifespan(async function* (): AsyncGenerator<StoreState> {
    // Checked first: a configuration mistake stops the start before anything is opened.
    const secret = configuredSecret(config)
    const database = await openDatabase({
      dataDir,
      ...(config.databaseUrl && { databaseUrl: config.databaseUrl }),
    })
    try {
      const tokens = new TokenService(secret ?? embeddedSecret(dataDir), config.tokenMinutes ?? 30)
      yield { database, tokens }
    } finally {
      await database.close()
    }
  })
  const deps = storeDependencies(lifespan)
  const loginLimit = { max: config.loginAttempts ?? 10, windowMs: config.loginWindowMs ?? 60_000 }

  const app = createApp({
    title: 'Fastbox Store',
    version: '2.0.0',
    description:
      'A demo store: items, users, orders. Sign in with "Authorize" as alice / wonderland (an admin).',
    tags: [
      { name: 'items', description: 'What the store sells.' },
      { name: 'orders', description: 'Buying items.' },
      { name: 'users', description: 'Customer accounts.' },
      { name: 'auth', description: 'Signing in.' },
      { name: 'admin', description: 'For admins only.' },
    ],
    lifespan,
    // The image download's media types and headers, which a route's `responses` cannot name.
    swagger: { transformObject: documentImageDownload },
    ...appOptions,
  })
    .includeRouter(usersRouter(deps))
    .includeRouter(authRouter(deps, loginLimit))
    .includeRouter(itemsRouter(deps))
    .includeRouter(itemImagesRouter(deps))
    .includeRouter(ordersRouter(deps))
    .includeRouter(adminRouter(deps))

  // Counters for `POST /token`'s limit only (`global: false`): the route asks for them through a dependency.
  app.fastify.register(rateLimit, { global: false })
  useStoreErrors(app)
  return app
}

export type StoreApp = ReturnType<typeof buildApp>
