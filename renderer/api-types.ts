import type { GenlogClient, MethodName } from '../main/api/table';

/**
 * Every type the UI shows is read off the API object itself, so the renderer never imports main-process modules
 * and cannot drift from what the API really returns.
 */
export type ValueOf<M extends MethodName> = Extract<Awaited<ReturnType<GenlogClient[M]>>, { ok: true }>['value'];
export type InputOf<M extends MethodName> = Parameters<GenlogClient[M]>[0];

export type Asset = ValueOf<'listAssets'>['rows'][number];
export type AssetDetail = ValueOf<'getAsset'>;
export type HistoryEvent = AssetDetail['history'][number];
export type LoggedAsset = ValueOf<'logAssets'>[number];
export type Production = ValueOf<'listProductions'>[number];
export type Tool = ValueOf<'listTools'>[number];
export type Settings = ValueOf<'getSettings'>;

export type ListQuery = InputOf<'listAssets'>;
export type FileRef = InputOf<'logAssets'>['files'][number];
export type ProductionInput = Omit<InputOf<'addProduction'>, never>;
export type ToolInput = InputOf<'addTool'>;
export type AssetChanges = InputOf<'editAsset'>['changes'];

export type Classification = Asset['classification'];
export type MediaType = Asset['mediaType'];
export type SortColumn = NonNullable<ListQuery['sort']>;
export type SortDirection = NonNullable<ListQuery['direction']>;
export type Hosting = Tool['hosting'];
