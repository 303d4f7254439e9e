/**
 * How failed unions become 422 items: the errors of the branch the input was meant for, `enum` for a union
 * of literals, else one `union_mismatch`; each union of a list on its own, in linear time.
 */
import { describe, expect, it } from 'vitest'
import { bodyErrors, queryErrors } from '../../test/support.ts'
import { t } from '../index.ts'

describe('unions', () => {
  const Cat = t.Object({ kind: t.Literal('cat'), lives: t.Integer() })
  const Dog = t.Object({ kind: t.Literal('dog'), bark: t.String() })

  it('a nullable string given a number reports string_type', async () => {
    expect(await bodyErrors(t.Object({ v: t.Union([t.String(), t.Null()]) }), { v: 3 })).toEqual([
      { type: 'string_type', loc: ['body', 'v'], msg: 'Input should be a valid string', input: 3 },
    ])
  })

  it('a nullable object reports the errors of the object', async () => {
    const schema = t.Object({ v: t.Union([t.Object({ n: t.Integer() }), t.Null()]) })
    expect(await bodyErrors(schema, { v: { n: 'x' } })).toEqual([
      {
        type: 'int_parsing',
        loc: ['body', 'v', 'n'],
        msg: 'Input should be a valid integer, unable to parse string as an integer',
        input: 'x',
      },
    ])
    expect(await bodyErrors(schema, { v: 'x' })).toEqual([
      {
        type: 'model_attributes_type',
        loc: ['body', 'v'],
        msg: 'Input should be a valid dictionary or object to extract fields from',
        input: 'x',
      },
    ])
  })

  it('a union of objects reports the errors of the branch whose literal field matches', async () => {
    expect(await bodyErrors(t.Union([Cat, Dog]), { kind: 'cat', lives: 'nine' })).toEqual([
      {
        type: 'int_parsing',
        loc: ['body', 'lives'],
        msg: 'Input should be a valid integer, unable to parse string as an integer',
        input: 'nine',
      },
    ])
    expect(await bodyErrors(t.Union([Cat, Dog]), { kind: 'dog' })).toEqual([
      { type: 'missing', loc: ['body', 'bark'], msg: 'Field required', input: { kind: 'dog' } },
    ])
  })

  it('a union of an array and an object reports the errors of the branch of that shape', async () => {
    const schema = t.Union([t.Array(t.Integer()), t.Object({ n: t.Integer() })])
    expect(await bodyErrors(schema, ['x'])).toEqual([
      {
        type: 'int_parsing',
        loc: ['body', 0],
        msg: 'Input should be a valid integer, unable to parse string as an integer',
        input: 'x',
      },
    ])
    expect(await bodyErrors(schema, { n: 'x' })).toEqual([
      {
        type: 'int_parsing',
        loc: ['body', 'n'],
        msg: 'Input should be a valid integer, unable to parse string as an integer',
        input: 'x',
      },
    ])
  })

  it('union_mismatch when no branch or several fit', async () => {
    const mismatch = (loc: (string | number)[], input: unknown) => ({
      type: 'union_mismatch',
      loc,
      msg: 'Input should match one of the allowed schemas',
      input,
    })
    expect(await bodyErrors(t.Union([Cat, Dog]), { kind: 'cow' })).toEqual([
      mismatch(['body'], { kind: 'cow' }),
    ])
    expect(await bodyErrors(t.Union([Cat, Dog]), 5)).toEqual([mismatch(['body'], 5)])
    expect(await bodyErrors(t.Object({ v: t.Union([t.String(), t.Integer()]) }), { v: [true] })).toEqual([
      mismatch(['body', 'v'], [true]),
    ])
  })

  it('collapses each failed union of an array on its own', async () => {
    expect(
      await bodyErrors(t.Array(t.Union([Cat, Dog])), [
        { kind: 'cat', lives: 'x' },
        { kind: 'dog', bark: 1 },
        { kind: 'cow' },
      ]),
    ).toEqual([
      {
        type: 'int_parsing',
        loc: ['body', 0, 'lives'],
        msg: 'Input should be a valid integer, unable to parse string as an integer',
        input: 'x',
      },
      { type: 'string_type', loc: ['body', 1, 'bark'], msg: 'Input should be a valid string', input: 1 },
      {
        type: 'union_mismatch',
        loc: ['body', 2],
        msg: 'Input should match one of the allowed schemas',
        input: { kind: 'cow' },
      },
    ])
  })

  it('collapses unions of shared ($id) schemas the same way', async () => {
    const SharedCat = t.Object({ kind: t.Literal('cat'), lives: t.Integer() }, { $id: 'SharedCat' })
    const SharedDog = t.Object({ kind: t.Literal('dog'), bark: t.String() }, { $id: 'SharedDog' })
    const schema = t.Array(t.Union([SharedCat, SharedDog]))
    expect(await bodyErrors(schema, [{ kind: 'cat', lives: 'x' }, { kind: 'cow' }, { kind: 'dog' }])).toEqual(
      [
        {
          type: 'int_parsing',
          loc: ['body', 0, 'lives'],
          msg: 'Input should be a valid integer, unable to parse string as an integer',
          input: 'x',
        },
        {
          type: 'union_mismatch',
          loc: ['body', 1],
          msg: 'Input should match one of the allowed schemas',
          input: { kind: 'cow' },
        },
        { type: 'missing', loc: ['body', 2, 'bark'], msg: 'Field required', input: { kind: 'dog' } },
      ],
    )
  })

  it('reports the errors inside a shared schema that a nullable branch reaches deeper down', async () => {
    const Image = t.Object({ url: t.String(), name: t.String() }, { $id: 'UnionImage' })
    const schema = t.Object({ images: t.Union([t.Array(Image), t.Null()]) })
    expect(await bodyErrors(schema, { images: [{ url: 1 }] })).toEqual([
      {
        type: 'string_type',
        loc: ['body', 'images', 0, 'url'],
        msg: 'Input should be a valid string',
        input: 1,
      },
      { type: 'missing', loc: ['body', 'images', 0, 'name'], msg: 'Field required', input: { url: 1 } },
    ])
  })

  it('an optional union of literals in a query parameter reports enum', async () => {
    const Order = t.Optional(t.Union([t.Literal('asc'), t.Literal('desc')]))
    expect(await queryErrors({ order: Order }, 'order=up')).toEqual([
      {
        type: 'enum',
        loc: ['query', 'order'],
        msg: "Input should be 'asc' or 'desc'",
        input: 'up',
        ctx: { expected: "'asc' or 'desc'" },
      },
    ])
  })

  it('keeps the errors of an intersection beside a union apart from the union', async () => {
    const schema = t.Intersect([t.Object({ id: t.Integer() }), t.Union([Cat, Dog])])
    expect(await bodyErrors(schema, { id: 'z', kind: 'cat', lives: 'q' })).toEqual([
      {
        type: 'int_parsing',
        loc: ['body', 'id'],
        msg: 'Input should be a valid integer, unable to parse string as an integer',
        input: 'z',
      },
      {
        type: 'int_parsing',
        loc: ['body', 'lives'],
        msg: 'Input should be a valid integer, unable to parse string as an integer',
        input: 'q',
      },
    ])
    expect(await bodyErrors(schema, { id: 'z', kind: 'cow' })).toEqual([
      {
        type: 'int_parsing',
        loc: ['body', 'id'],
        msg: 'Input should be a valid integer, unable to parse string as an integer',
        input: 'z',
      },
      {
        type: 'union_mismatch',
        loc: ['body'],
        msg: 'Input should match one of the allowed schemas',
        input: { id: 'z', kind: 'cow' },
      },
    ])
  })
})
