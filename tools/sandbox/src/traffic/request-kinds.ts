// Names the kind of each request the sandbox receives, so a benchmark can count requests by kind
// ("list companies", "associations deals→line_items", …) without parsing URLs itself.

// The numbered (`/crm/v3/objects`, `/crm/v4/associations`) and the date-versioned paths
// (`/crm/objects/2026-09`, `/crm/associations/2026-09`) of the same requests are one kind.
const OBJECTS =
  /^\/crm\/(?:v3\/objects|objects\/\d{4}-\d{2})\/([^/]+)(?:\/(batch\/[a-z]+|search|[^/]+))?\/?$/;
const ASSOCIATIONS =
  /^\/crm\/(?:v4\/associations|associations\/\d{4}-\d{2})\/([^/]+)\/([^/]+)\/batch\/([a-z]+)\/?$/;

const OBJECT_VERBS: Record<string, string> = {
  'GET ': 'list',
  'POST ': 'create',
  'POST batch/read': 'batch read',
  'POST batch/create': 'batch create',
  'POST batch/update': 'batch update',
  'POST batch/archive': 'batch archive',
  'POST search': 'search',
};

/** The kind of a request: `list companies`, `batch update deals`, `associations deals→companies`, … */
export function requestKind(method: string, path: string): string {
  const object = OBJECTS.exec(path);
  if (object !== null) {
    const [, type = '', rest = ''] = object;
    const verb = OBJECT_VERBS[`${method} ${rest}`];
    if (verb !== undefined) return `${verb} ${type}`;
    if (!rest.includes('/')) return `${method === 'GET' ? 'read' : method.toLowerCase()} ${type}`;
  }
  const association = ASSOCIATIONS.exec(path);
  if (association !== null && association[3] === 'read') {
    return `associations ${association[1] ?? ''}→${association[2] ?? ''}`;
  }
  return `${method} ${path.replace(/\/\d+(?=\/|$)/g, '/{id}')}`;
}
