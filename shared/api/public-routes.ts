/** The hall host's public routes (part of the route map, hall-routes.ts). */
import {
  BoardPairingInputSchema,
  BoardPairingRequestSchema,
  BoardPairingStatusSchema,
  HealthSchema,
  PostingQuerySchema,
  PostingsResponseSchema,
} from '../contract';
import { pairingIdParam, screenIdParam } from './route-parts';
import { defineRoute } from './define-route';

/** The hall's public routes: health, the public search, pages, assets, board pairing. */
export const PUBLIC_ROUTES = {
  health: defineRoute({ method: 'GET', path: '/healthz', auth: 'public', label: 'health', response: HealthSchema }),
  listings: defineRoute({
    method: 'GET',
    path: '/api/listings',
    auth: 'public',
    label: 'listings',
    query: PostingQuerySchema,
    response: PostingsResponseSchema,
  }),
  home: defineRoute({ method: 'GET', path: '/', auth: 'public', label: 'home', response: 'redirect' }),
  boardPage: defineRoute({
    method: 'GET',
    path: '/board/:screenId',
    auth: 'public',
    label: 'board page',
    params: screenIdParam,
    response: 'page',
  }),
  /** Built scripts, styles and fonts (dist/renderer), served by @fastify/static. */
  assets: defineRoute({ method: 'GET', path: '/*', auth: 'public', label: 'assets', response: 'file' }),
  boardPairings: defineRoute({
    method: 'POST',
    path: '/api/board/pairings',
    auth: 'public',
    label: 'board pairing',
    body: BoardPairingInputSchema,
    response: BoardPairingRequestSchema,
  }),
  boardPairing: defineRoute({
    method: 'GET',
    path: '/api/board/pairings/:pairingId',
    auth: 'public',
    label: 'board pairing',
    params: pairingIdParam,
    response: BoardPairingStatusSchema,
  }),
} as const;
