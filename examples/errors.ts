import { createApp, HTTPException, t } from 'fastbox'

class OutOfStock extends Error {
  constructor(readonly sku: string) {
    super(`${sku} is out of stock`)
  }
}

export const app = createApp().post('/cart/{sku}', { path: { sku: t.String() } }, ({ path }) => {
  if (path.sku === 'unknown') throw new HTTPException(404, 'Product not found', { 'X-Error': 'product' })
  if (path.sku === 'rare') throw new OutOfStock(path.sku)
  return { added: path.sku }
})

app.exceptionHandler(OutOfStock, (error, { reply }) =>
  reply.status(409).send({ detail: error.message, sku: error.sku }),
)
