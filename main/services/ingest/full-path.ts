import { isAbsolute, resolve } from 'node:path';
import type { ApiContext } from '../../api/context';
import { invalid } from '../../api/envelope';

/**
 * A path the caller typed, made absolute. On the command line a relative path means "from here"; in the app there is
 * no "here" the person can see (it would be wherever the app or `genlog serve` was started), so it is refused.
 */
export function fullPath(ctx: Pick<ApiContext, 'transport'>, path: string, what: string, like = ['/mnt/renders/sh010', 'D:\\renders\\sh010']): string {
  if (ctx.transport !== 'cli' && ctx.transport !== 'test' && !isAbsolute(path)) {
    throw invalid(`Give the ${what}'s full path (like ${like[0]} or ${like[1]}), not "${path}".`);
  }
  return resolve(path);
}
