/**
 * @module
 * Date strings a handler may answer with a `Date`. TypeBox's `TString` type does not carry its `format`, so
 * `t.String({ format: 'date-time' })` cannot be told from `t.String()` by the compiler; these helpers make
 * the same schema with a type that says its format, and a response field declared with one accepts a `Date`
 * (written as an ISO string by the serializer). Requests still receive the string the client sent.
 */
import { type StringOptions, type TString, Type } from '@sinclair/typebox'

/** A string schema of a date format, by type: a response may give a `Date` for it. */
export interface TDateString<TFormat extends 'date-time' | 'date' = 'date-time' | 'date'> extends TString {
  format: TFormat
}

/**
 * `t.String({ format: 'date-time' })` (ISO 8601 date and time, Pydantic's `datetime`), typed so that a
 * handler may return a `Date` for it.
 *
 * @example
 * const User = t.Object({ id: t.Integer(), joined: dateTime() })
 * app.get('/me', { response: User }, () => ({ id: 1, joined: new Date() })) // "2024-05-01T10:00:00.000Z"
 */
export function dateTime(options: Omit<StringOptions, 'format'> = {}): TDateString<'date-time'> {
  return Type.String({ ...options, format: 'date-time' }) as TDateString<'date-time'>
}

/**
 * `t.String({ format: 'date' })` (`YYYY-MM-DD`, Pydantic's `date`), typed so that a handler may return a
 * `Date` for it (written as its date in the server's time zone, as fast-json-stringify does).
 */
export function date(options: Omit<StringOptions, 'format'> = {}): TDateString<'date'> {
  return Type.String({ ...options, format: 'date' }) as TDateString<'date'>
}
