// The demo portal's property catalogue: HubSpot's standard properties that Strategy Fit reads,
// plus the demo's custom deal properties. Types and field types follow HubSpot's definitions.
import type { Option, PropertyDefinition, PropertyGroup, PropertyType } from '../schema.ts';
import { INDUSTRY_VALUES, industryLabel } from './industries.ts';

type Spec = {
  name: string;
  label: string;
  type: PropertyType;
  fieldType: string;
  group: string;
  options?: readonly (readonly [value: string, label: string])[];
  /** HubSpot computes the value; writes are refused as "calculated". */
  calculated?: boolean;
  /** HubSpot sets the value; writes are refused as "read only". */
  readOnly?: boolean;
  custom?: boolean;
  description?: string;
  externalOptions?: boolean;
  hasUniqueValue?: boolean;
  currency?: boolean;
};

export const BOOLEAN_OPTIONS = [
  ['true', 'Yes'],
  ['false', 'No'],
] as const;

/** Web technologies offered by the demo's `web_technologies` checkbox property. */
export const WEB_TECHNOLOGIES = [
  ['salesforce', 'Salesforce'],
  ['hubspot', 'HubSpot'],
  ['google_analytics', 'Google Analytics'],
  ['google_tag_manager', 'Google Tag Manager'],
  ['shopify', 'Shopify'],
  ['wordpress', 'WordPress'],
  ['marketo', 'Marketo'],
  ['pardot', 'Pardot'],
  ['zendesk', 'Zendesk'],
  ['intercom', 'Intercom'],
  ['drift', 'Drift'],
  ['aws', 'Amazon Web Services'],
  ['azure', 'Microsoft Azure'],
  ['stripe', 'Stripe'],
  ['segment', 'Segment'],
  ['slack', 'Slack'],
  ['microsoft_dynamics', 'Microsoft Dynamics'],
  ['magento', 'Magento'],
] as const;

const COMPANY_TYPES = [
  ['PROSPECT', 'Prospect'],
  ['PARTNER', 'Partner'],
  ['RESELLER', 'Reseller'],
  ['VENDOR', 'Vendor'],
  ['OTHER', 'Other'],
] as const;

const LIFECYCLE_STAGES = [
  ['subscriber', 'Subscriber'],
  ['lead', 'Lead'],
  ['marketingqualifiedlead', 'Marketing Qualified Lead'],
  ['salesqualifiedlead', 'Sales Qualified Lead'],
  ['opportunity', 'Opportunity'],
  ['customer', 'Customer'],
  ['evangelist', 'Evangelist'],
  ['other', 'Other'],
] as const;

/** The demo's custom deal property `competitors` (checkbox): who else the customer talks to. */
export const COMPETITOR_OPTIONS = [
  ['Pipewise', 'Pipewise'],
  ['Forecastly', 'Forecastly'],
  ['RevStack', 'RevStack'],
  ['Spreadsheets', 'Spreadsheets'],
  ['In-house build', 'In-house build'],
  ['Big Four consultancy', 'Big Four consultancy'],
  ['Freelancer', 'Freelancer'],
  ['Other vendor', 'Other vendor'],
] as const;

const DEAL_TYPES = [
  ['newbusiness', 'New Business'],
  ['existingbusiness', 'Existing Business'],
] as const;

const SYSTEM_DATES = (group: string, createdate: string, lastmodified: string): Spec[] => [
  {
    name: createdate,
    label: 'Create Date',
    type: 'datetime',
    fieldType: 'date',
    group,
    readOnly: true,
  },
  {
    name: lastmodified,
    label: 'Last Modified Date',
    type: 'datetime',
    fieldType: 'date',
    group,
    readOnly: true,
  },
  {
    name: 'hs_object_id',
    label: 'Record ID',
    type: 'number',
    fieldType: 'number',
    group,
    calculated: true,
  },
];

const OWNER = (group: string): Spec => ({
  name: 'hubspot_owner_id',
  label: 'Owner',
  type: 'enumeration',
  fieldType: 'select',
  group,
  externalOptions: true,
  description: 'The owner of the record.',
});

const COMPANY_SPECS: Spec[] = [
  {
    name: 'name',
    label: 'Company name',
    type: 'string',
    fieldType: 'text',
    group: 'companyinformation',
  },
  {
    name: 'domain',
    label: 'Company Domain Name',
    type: 'string',
    fieldType: 'text',
    group: 'companyinformation',
  },
  {
    name: 'website',
    label: 'Website URL',
    type: 'string',
    fieldType: 'text',
    group: 'companyinformation',
  },
  {
    name: 'phone',
    label: 'Phone Number',
    type: 'string',
    fieldType: 'phonenumber',
    group: 'companyinformation',
  },
  {
    name: 'industry',
    label: 'Industry',
    type: 'enumeration',
    fieldType: 'select',
    group: 'companyinformation',
    options: INDUSTRY_VALUES.map((value) => [value, industryLabel(value)] as const),
  },
  {
    name: 'numberofemployees',
    label: 'Number of Employees',
    type: 'number',
    fieldType: 'number',
    group: 'companyinformation',
  },
  {
    name: 'annualrevenue',
    label: 'Annual Revenue',
    type: 'number',
    fieldType: 'number',
    group: 'companyinformation',
    currency: true,
  },
  {
    name: 'country',
    label: 'Country/Region',
    type: 'string',
    fieldType: 'text',
    group: 'companyinformation',
  },
  {
    name: 'state',
    label: 'State/Region',
    type: 'string',
    fieldType: 'text',
    group: 'companyinformation',
  },
  { name: 'city', label: 'City', type: 'string', fieldType: 'text', group: 'companyinformation' },
  {
    name: 'type',
    label: 'Type',
    type: 'enumeration',
    fieldType: 'select',
    group: 'companyinformation',
    options: COMPANY_TYPES,
  },
  {
    name: 'lifecyclestage',
    label: 'Lifecycle Stage',
    type: 'enumeration',
    fieldType: 'radio',
    group: 'companyinformation',
    options: LIFECYCLE_STAGES,
  },
  {
    name: 'web_technologies',
    label: 'Web Technologies',
    type: 'enumeration',
    fieldType: 'checkbox',
    group: 'companyinformation',
    options: WEB_TECHNOLOGIES,
  },
  {
    name: 'is_public',
    label: 'Is Public',
    type: 'bool',
    fieldType: 'booleancheckbox',
    group: 'companyinformation',
    options: BOOLEAN_OPTIONS,
  },
  {
    name: 'founded_year',
    label: 'Year Founded',
    type: 'string',
    fieldType: 'text',
    group: 'companyinformation',
  },
  {
    name: 'description',
    label: 'Description',
    type: 'string',
    fieldType: 'textarea',
    group: 'companyinformation',
  },
  OWNER('companyinformation'),
  ...SYSTEM_DATES('companyinformation', 'createdate', 'hs_lastmodifieddate'),
];

const DEAL_SPECS: Spec[] = [
  {
    name: 'dealname',
    label: 'Deal Name',
    type: 'string',
    fieldType: 'text',
    group: 'dealinformation',
  },
  {
    name: 'amount',
    label: 'Amount',
    type: 'number',
    fieldType: 'number',
    group: 'dealinformation',
    currency: true,
  },
  {
    name: 'closedate',
    label: 'Close Date',
    type: 'datetime',
    fieldType: 'date',
    group: 'dealinformation',
  },
  {
    name: 'dealstage',
    label: 'Deal Stage',
    type: 'enumeration',
    fieldType: 'radio',
    group: 'dealinformation',
    externalOptions: true,
  },
  {
    name: 'pipeline',
    label: 'Pipeline',
    type: 'enumeration',
    fieldType: 'select',
    group: 'dealinformation',
    externalOptions: true,
  },
  {
    name: 'dealtype',
    label: 'Deal Type',
    type: 'enumeration',
    fieldType: 'radio',
    group: 'dealinformation',
    options: DEAL_TYPES,
  },
  {
    name: 'description',
    label: 'Deal Description',
    type: 'string',
    fieldType: 'textarea',
    group: 'dealinformation',
  },
  OWNER('dealinformation'),
  {
    name: 'hs_is_closed',
    label: 'Is Deal Closed?',
    type: 'bool',
    fieldType: 'booleancheckbox',
    group: 'dealinformation',
    options: BOOLEAN_OPTIONS,
    calculated: true,
  },
  {
    name: 'hs_is_closed_won',
    label: 'Is Closed Won',
    type: 'bool',
    fieldType: 'booleancheckbox',
    group: 'dealinformation',
    options: BOOLEAN_OPTIONS,
    calculated: true,
  },
  {
    name: 'budget_confirmed',
    label: 'Budget confirmed',
    type: 'bool',
    fieldType: 'booleancheckbox',
    group: 'dealinformation',
    options: BOOLEAN_OPTIONS,
    custom: true,
  },
  {
    name: 'pain_identified',
    label: 'Pain identified',
    type: 'bool',
    fieldType: 'booleancheckbox',
    group: 'dealinformation',
    options: BOOLEAN_OPTIONS,
    custom: true,
  },
  {
    name: 'decision_date',
    label: 'Decision date',
    type: 'date',
    fieldType: 'date',
    group: 'dealinformation',
    custom: true,
  },
  {
    name: 'discount_percent',
    label: 'Discount (%)',
    type: 'number',
    fieldType: 'number',
    group: 'dealinformation',
    custom: true,
  },
  {
    name: 'closed_lost_reason',
    label: 'Closed Lost Reason',
    type: 'string',
    fieldType: 'textarea',
    group: 'dealinformation',
    description: 'Reason why this deal was lost.',
  },
  {
    name: 'competitors',
    label: 'Competitors',
    type: 'enumeration',
    fieldType: 'checkbox',
    group: 'dealinformation',
    options: COMPETITOR_OPTIONS,
    custom: true,
    description: 'Who else the customer is talking to.',
  },
  ...SYSTEM_DATES('dealinformation', 'createdate', 'hs_lastmodifieddate'),
];

const LINE_ITEM_SPECS: Spec[] = [
  { name: 'name', label: 'Name', type: 'string', fieldType: 'text', group: 'lineiteminformation' },
  {
    name: 'price',
    label: 'Unit price',
    type: 'number',
    fieldType: 'number',
    group: 'lineiteminformation',
    currency: true,
  },
  {
    name: 'quantity',
    label: 'Quantity',
    type: 'number',
    fieldType: 'number',
    group: 'lineiteminformation',
  },
  {
    name: 'discount',
    label: 'Unit discount',
    type: 'number',
    fieldType: 'number',
    group: 'lineiteminformation',
    currency: true,
  },
  {
    name: 'hs_discount_percentage',
    label: 'Discount Percentage',
    type: 'number',
    fieldType: 'number',
    group: 'lineiteminformation',
  },
  {
    name: 'amount',
    label: 'Net price',
    type: 'number',
    fieldType: 'number',
    group: 'lineiteminformation',
    currency: true,
    calculated: true,
    description: 'quantity × (unit price − unit discount) × (1 − discount percentage / 100)',
  },
  {
    name: 'hs_product_id',
    label: 'Product ID',
    type: 'number',
    fieldType: 'number',
    group: 'lineiteminformation',
  },
  {
    name: 'hs_sku',
    label: 'SKU',
    type: 'string',
    fieldType: 'text',
    group: 'lineiteminformation',
  },
  ...SYSTEM_DATES('lineiteminformation', 'createdate', 'hs_lastmodifieddate'),
];

const PRODUCT_SPECS: Spec[] = [
  { name: 'name', label: 'Name', type: 'string', fieldType: 'text', group: 'productinformation' },
  {
    name: 'price',
    label: 'Unit price',
    type: 'number',
    fieldType: 'number',
    group: 'productinformation',
    currency: true,
  },
  { name: 'hs_sku', label: 'SKU', type: 'string', fieldType: 'text', group: 'productinformation' },
  {
    name: 'description',
    label: 'Description',
    type: 'string',
    fieldType: 'textarea',
    group: 'productinformation',
  },
  ...SYSTEM_DATES('productinformation', 'createdate', 'hs_lastmodifieddate'),
];

const CONTACT_SPECS: Spec[] = [
  {
    name: 'firstname',
    label: 'First Name',
    type: 'string',
    fieldType: 'text',
    group: 'contactinformation',
  },
  {
    name: 'lastname',
    label: 'Last Name',
    type: 'string',
    fieldType: 'text',
    group: 'contactinformation',
  },
  {
    name: 'email',
    label: 'Email',
    type: 'string',
    fieldType: 'text',
    group: 'contactinformation',
    hasUniqueValue: true,
  },
  {
    name: 'phone',
    label: 'Phone Number',
    type: 'string',
    fieldType: 'phonenumber',
    group: 'contactinformation',
  },
  {
    name: 'company',
    label: 'Company Name',
    type: 'string',
    fieldType: 'text',
    group: 'contactinformation',
  },
  {
    name: 'jobtitle',
    label: 'Job Title',
    type: 'string',
    fieldType: 'text',
    group: 'contactinformation',
  },
  OWNER('contactinformation'),
  ...SYSTEM_DATES('contactinformation', 'createdate', 'lastmodifieddate'),
];

const GROUPS: Readonly<Record<string, readonly PropertyGroup[]>> = {
  '0-1': [
    { name: 'contactinformation', label: 'Contact information', displayOrder: 0, archived: false },
  ],
  '0-2': [
    { name: 'companyinformation', label: 'Company information', displayOrder: 0, archived: false },
  ],
  '0-3': [{ name: 'dealinformation', label: 'Deal information', displayOrder: 0, archived: false }],
  '0-7': [
    { name: 'productinformation', label: 'Product information', displayOrder: 0, archived: false },
  ],
  '0-8': [
    {
      name: 'lineiteminformation',
      label: 'Line item information',
      displayOrder: 0,
      archived: false,
    },
  ],
};

const SPECS: Readonly<Record<string, readonly Spec[]>> = {
  '0-1': CONTACT_SPECS,
  '0-2': COMPANY_SPECS,
  '0-3': DEAL_SPECS,
  '0-7': PRODUCT_SPECS,
  '0-8': LINE_ITEM_SPECS,
};

const CATALOGUE_TIME = '2020-01-01T00:00:00Z';

/** Option objects in HubSpot's shape, display order by position. */
export function toOptions(options: readonly (readonly [string, string])[]): Option[] {
  return options.map(([value, label], displayOrder) => ({
    label,
    value,
    displayOrder,
    hidden: false,
  }));
}

function toDefinition(spec: Spec, displayOrder: number): PropertyDefinition {
  const readOnlyValue = spec.calculated === true || spec.readOnly === true;
  return {
    name: spec.name,
    label: spec.label,
    type: spec.type,
    fieldType: spec.fieldType,
    description: spec.description ?? '',
    groupName: spec.group,
    options: spec.options === undefined ? [] : toOptions(spec.options),
    displayOrder: spec.custom === true ? -1 : displayOrder,
    calculated: spec.calculated === true,
    externalOptions: spec.externalOptions === true,
    hasUniqueValue: spec.hasUniqueValue === true,
    hidden: false,
    ...(spec.custom === true ? {} : { hubspotDefined: true }),
    ...(spec.currency === true ? { showCurrencySymbol: true } : {}),
    modificationMetadata: {
      archivable: spec.custom === true,
      readOnlyDefinition: spec.custom !== true,
      readOnlyValue,
    },
    formField: !readOnlyValue,
    dataSensitivity: 'non_sensitive',
    createdAt: CATALOGUE_TIME,
    updatedAt: CATALOGUE_TIME,
    archived: false,
  };
}

/** The standard property definitions of a standard object type (`0-1`, `0-2`, `0-3`, `0-7`, `0-8`). */
export function standardProperties(objectTypeId: string): PropertyDefinition[] {
  return (SPECS[objectTypeId] ?? []).map(toDefinition);
}

export function standardGroups(objectTypeId: string): PropertyGroup[] {
  return [...(GROUPS[objectTypeId] ?? [])];
}

/** The properties every custom object has, whatever its schema says. */
export function customObjectSystemProperties(): PropertyDefinition[] {
  return SYSTEM_DATES('custom', 'hs_createdate', 'hs_lastmodifieddate').map(toDefinition);
}
