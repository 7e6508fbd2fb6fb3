/**
 * Blob and the system classes that make or print one: Crypto.generateAesKey, EncodingUtil (hex,
 * base64), Blob.valueOf / toString / size (Apex Reference Guide, Blob, Crypto and EncodingUtil
 * classes). Random bytes come from the context (the interpreter's seeded generator), so a run is
 * repeatable.
 */
import { ApexBlob, ApexNumber, type ApexValue } from '../values';
import type { LibraryContext, StaticMethod } from './context';
import { arity, instanceTable, integerArg, methodTable, required, stringArg } from './support';

function blobArg(ctx: LibraryContext, value: ApexValue, what: string): ApexBlob {
  const present = required(ctx, value);
  if (!(present instanceof ApexBlob))
    throw new Error(`unsupported: ${what} with a non-Blob argument`);
  return present;
}

/** AES key sizes Crypto.generateAesKey accepts, in bits. */
const AES_KEY_BITS = new Set([128, 192, 256]);

export const CRYPTO_STATICS = methodTable<StaticMethod>({
  generateAesKey: (ctx, args) => {
    arity(args, 'Crypto.generateAesKey', 1);
    const bits = integerArg(ctx, args[0], 'Crypto.generateAesKey');
    if (!AES_KEY_BITS.has(bits))
      return ctx.throwApex(
        'InvalidParameterValueException',
        `Invalid key size: ${bits}. Supported sizes are 128, 192 and 256.`
      );
    return new ApexBlob(ctx.randomBytes(bits / 8));
  }
});

export const ENCODING_UTIL_STATICS = methodTable<StaticMethod>({
  convertToHex: (ctx, args) => {
    arity(args, 'EncodingUtil.convertToHex', 1);
    return Buffer.from(blobArg(ctx, args[0], 'EncodingUtil.convertToHex').bytes).toString('hex');
  },
  base64Encode: (ctx, args) => {
    arity(args, 'EncodingUtil.base64Encode', 1);
    return Buffer.from(blobArg(ctx, args[0], 'EncodingUtil.base64Encode').bytes).toString('base64');
  },
  base64Decode: (ctx, args) => {
    arity(args, 'EncodingUtil.base64Decode', 1);
    const text = stringArg(ctx, args[0], 'EncodingUtil.base64Decode');
    return new ApexBlob(new Uint8Array(Buffer.from(text, 'base64')));
  }
});

export const BLOB_STATICS = methodTable<StaticMethod>({
  valueOf: (ctx: LibraryContext, args: ApexValue[]) => {
    arity(args, 'Blob.valueOf', 1);
    const text = stringArg(ctx, args[0], 'Blob.valueOf');
    return new ApexBlob(new Uint8Array(Buffer.from(text, 'utf8')));
  }
});

export const BLOB_INSTANCE = instanceTable<ApexBlob>({
  size: (_ctx, blob) => ApexNumber.integer(blob.bytes.length),
  toString: (_ctx: LibraryContext, blob: ApexBlob) => Buffer.from(blob.bytes).toString('utf8')
});
