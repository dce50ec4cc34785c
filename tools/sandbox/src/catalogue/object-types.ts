/** How the sandbox knows an object type: HubSpot's ids, names and per-type property conventions. */
export type ObjectTypeInfo = {
  /** `0-2` for companies, `2-<n>` for custom objects. */
  objectTypeId: string;
  /** The path name: `companies`, `deals`, `line_items`, `contacts`, or a custom object's name. */
  name: string;
  /** HubSpot's singular in error texts and v4 contexts ("company", "deal", "line_item"). */
  singular: string;
  /** The upper-case name in batch error texts ("Could not get some COMPANY objects…"). */
  errorName: string;
  /** Further accepted path spellings (`company`, `p123_strategy`, …). */
  aliases: readonly string[];
  createdateProperty: string;
  lastmodifiedProperty: string;
  /** Returned when a read names no `properties`. */
  defaultProperties: readonly string[];
  /** Searched by the free-text `query` of a search request. */
  queryProperties: readonly string[];
  custom: boolean;
};

export const COMPANIES: ObjectTypeInfo = {
  objectTypeId: '0-2',
  name: 'companies',
  singular: 'company',
  errorName: 'COMPANY',
  aliases: ['company'],
  createdateProperty: 'createdate',
  lastmodifiedProperty: 'hs_lastmodifieddate',
  defaultProperties: ['name', 'domain', 'createdate', 'hs_lastmodifieddate', 'hs_object_id'],
  queryProperties: ['name', 'domain', 'website', 'phone'],
  custom: false,
};

export const DEALS: ObjectTypeInfo = {
  objectTypeId: '0-3',
  name: 'deals',
  singular: 'deal',
  errorName: 'DEAL',
  aliases: ['deal'],
  createdateProperty: 'createdate',
  lastmodifiedProperty: 'hs_lastmodifieddate',
  defaultProperties: [
    'dealname',
    'amount',
    'closedate',
    'pipeline',
    'dealstage',
    'createdate',
    'hs_lastmodifieddate',
    'hs_object_id',
  ],
  queryProperties: ['dealname'],
  custom: false,
};

export const LINE_ITEMS: ObjectTypeInfo = {
  objectTypeId: '0-8',
  name: 'line_items',
  singular: 'line_item',
  errorName: 'LINE_ITEM',
  aliases: ['line_item', 'lineitem', 'line-items'],
  createdateProperty: 'createdate',
  lastmodifiedProperty: 'hs_lastmodifieddate',
  defaultProperties: [
    'name',
    'price',
    'quantity',
    'amount',
    'hs_product_id',
    'createdate',
    'hs_lastmodifieddate',
    'hs_object_id',
  ],
  queryProperties: ['name'],
  custom: false,
};

/** HubSpot's product library (`0-7`): what line items are sold from (SKU, price). */
export const PRODUCTS: ObjectTypeInfo = {
  objectTypeId: '0-7',
  name: 'products',
  singular: 'product',
  errorName: 'PRODUCT',
  aliases: ['product'],
  createdateProperty: 'createdate',
  lastmodifiedProperty: 'hs_lastmodifieddate',
  defaultProperties: [
    'name',
    'price',
    'description',
    'createdate',
    'hs_lastmodifieddate',
    'hs_object_id',
  ],
  queryProperties: ['name', 'hs_sku'],
  custom: false,
};

export const CONTACTS: ObjectTypeInfo = {
  objectTypeId: '0-1',
  name: 'contacts',
  singular: 'contact',
  errorName: 'CONTACT',
  aliases: ['contact'],
  createdateProperty: 'createdate',
  lastmodifiedProperty: 'lastmodifieddate',
  defaultProperties: [
    'firstname',
    'lastname',
    'email',
    'createdate',
    'lastmodifieddate',
    'hs_object_id',
  ],
  queryProperties: ['firstname', 'lastname', 'email', 'phone', 'company'],
  custom: false,
};

export const STANDARD_OBJECT_TYPES: readonly ObjectTypeInfo[] = [
  CONTACTS,
  COMPANIES,
  DEALS,
  LINE_ITEMS,
  PRODUCTS,
];

/** The type info of a custom object created through the schemas API. */
export function customObjectType(
  objectTypeId: string,
  name: string,
  portalId: number,
  primaryDisplayProperty: string | undefined,
): ObjectTypeInfo {
  const fullyQualifiedName = `p${portalId}_${name}`;
  return {
    objectTypeId,
    name,
    singular: name,
    errorName: name.toUpperCase(),
    aliases: [fullyQualifiedName],
    createdateProperty: 'hs_createdate',
    lastmodifiedProperty: 'hs_lastmodifieddate',
    defaultProperties: [
      ...(primaryDisplayProperty === undefined ? [] : [primaryDisplayProperty]),
      'hs_createdate',
      'hs_lastmodifieddate',
      'hs_object_id',
    ],
    queryProperties: primaryDisplayProperty === undefined ? [] : [primaryDisplayProperty],
    custom: true,
  };
}
