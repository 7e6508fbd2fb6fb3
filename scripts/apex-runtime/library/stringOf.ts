/**
 * The text of a value as Apex string concatenation and System.debug print it: Decimal with its
 * scale, Double as Java prints it, Date as 'yyyy-MM-dd', Datetime as 'yyyy-MM-dd HH:mm:ss' in GMT,
 * List '(a, b)', Set '{a, b}', Map '{k=v}', SObject 'Account:{Name=x}'.
 */
import {
  ApexBlob,
  ApexDate,
  ApexDatetime,
  ApexDecimal,
  ApexEnumValue,
  ApexId,
  ApexList,
  ApexMap,
  ApexNumber,
  ApexObject,
  ApexSet,
  ApexTime,
  ApexType,
  SObjectValue,
  type ApexValue,
  type TypeName
} from '../values';
import { clockText, gmtClock, pad } from './calendar';
import { decimalToString } from './decimal';

/** Java's Double.toString: plain from 1E-3 to below 1E7, otherwise 'd.dddE±n'. */
export function javaDoubleText(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? 'Infinity' : '-Infinity';
  if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0';
  const magnitude = Math.abs(value);
  if (magnitude >= 1e-3 && magnitude < 1e7) {
    const text = ApexDecimal.fromNumber(value).toString();
    return text.includes('.') ? text : `${text}.0`;
  }
  const [mantissa, exponent] = value.toExponential().split('e');
  const withFraction = mantissa.includes('.') ? mantissa : `${mantissa}.0`;
  return `${withFraction}E${Number(exponent)}`;
}

/** 'HH:mm:ss.SSSZ', as Apex prints a Time. */
export function timeText(time: ApexTime): string {
  const millis = time.millisOfDay;
  return `${pad(Math.floor(millis / 3_600_000), 2)}:${pad(Math.floor(millis / 60_000) % 60, 2)}:${pad(Math.floor(millis / 1000) % 60, 2)}.${pad(millis % 1000, 3)}Z`;
}

/** A type as the platform prints it: 'Map<String,Integer>'. */
export function typeText(type: TypeName): string {
  if (type.args.length === 0) return type.name;
  return `${type.name}<${type.args.map(typeText).join(',')}>`;
}

export function stringOf(value: ApexValue): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return String(value);
  if (value instanceof ApexNumber) {
    return value.kind === 'Double' ? javaDoubleText(value.toNumber()) : value.raw.toString();
  }
  if (value instanceof ApexDecimal) return decimalToString(value);
  if (value instanceof ApexId) return value.value;
  if (value instanceof ApexDate) return value.toIsoString();
  if (value instanceof ApexDatetime) return clockText(gmtClock(value.epochMillis));
  if (value instanceof ApexTime) return timeText(value);
  if (value instanceof ApexList) return `(${value.items.map(stringOf).join(', ')})`;
  if (value instanceof ApexSet) return `{${[...value.entries.values()].map(stringOf).join(', ')}}`;
  if (value instanceof ApexMap) {
    const entries = [...value.entries.values()].map(
      (e) => `${stringOf(e.key)}=${stringOf(e.value)}`
    );
    return `{${entries.join(', ')}}`;
  }
  if (value instanceof SObjectValue) {
    const fields = [...value.fields.values()].map((f) => `${f.name}=${stringOf(f.value)}`);
    return `${value.sObjectType}:{${fields.join(', ')}}`;
  }
  if (value instanceof ApexObject) {
    const fields = [...value.fields.entries()].map(([name, v]) => `${name}=${stringOf(v)}`);
    return `${value.className}:[${fields.join(', ')}]`;
  }
  if (value instanceof ApexEnumValue) return value.name;
  if (value instanceof ApexType) return typeText(value.type);
  if (value instanceof ApexBlob) return `Blob[${value.bytes.length}]`;
  return value satisfies never;
}
