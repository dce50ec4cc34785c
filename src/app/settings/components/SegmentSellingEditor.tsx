import { Flex, MultiSelect, Text, TextArea } from '@hubspot/ui-extensions';
import type { EditorProduct } from '@strategy-fit/core';

import type { DraftAction, SegmentDraft } from '../view-model/draft.ts';
import { linesOf, positioningFrom } from '../view-model/draft.ts';
import type { IssueIndex } from '../view-model/issues.ts';
import { offerOptions } from '../view-model/offers.ts';
import { IssueText } from './IssueText.tsx';

/**
 * What reps sell in a segment (SCORING §10): its positioning (value proposition, differentiators,
 * expectations), shown on the cards of its companies and deals, and its offers, picked from the
 * portal's product library by SKU (a product without one by its id).
 */
export const SegmentSellingEditor = ({
  segment,
  path,
  products,
  productsTruncated,
  issues,
  readOnly,
  dispatch,
  index,
}: {
  segment: SegmentDraft;
  path: string;
  products: readonly EditorProduct[];
  productsTruncated: boolean;
  issues: IssueIndex;
  readOnly: boolean;
  dispatch: (action: DraftAction) => void;
  index: number;
}) => {
  const positioning = segment.positioning;
  const typed = {
    valueProposition: positioning?.valueProposition ?? '',
    differentiators: positioning?.differentiators ?? [],
    expectations: positioning?.expectations ?? [],
  };
  const setPositioning = (patch: Partial<typeof typed>) =>
    dispatch({
      type: 'set_segment',
      index,
      patch: { positioning: positioningFrom({ ...typed, ...patch }) },
    });
  const offers = segment.offers ?? [];
  const at = `${path}.positioning`;
  return (
    <Flex direction="column" gap="sm" testId={`${path}.selling`}>
      <Text format={{ fontWeight: 'demibold' }}>
        Positioning (shown to reps on this segment’s cards)
      </Text>
      <TextArea
        name={`${at}.valueProposition`}
        label="Value proposition: why us, in the customer’s words"
        value={typed.valueProposition}
        readOnly={readOnly}
        rows={2}
        onInput={(valueProposition) => setPositioning({ valueProposition })}
        {...issues.field(`${at}.valueProposition`)}
        testId={`${at}.valueProposition`}
      />
      <Flex direction="row" gap="sm" wrap>
        <TextArea
          name={`${at}.differentiators`}
          label="What sets us apart here (one per line; shown next to a price-competition warning)"
          value={typed.differentiators.join('\n')}
          readOnly={readOnly}
          rows={3}
          onChange={(text) => setPositioning({ differentiators: linesOf(text) })}
          {...issues.field(`${at}.differentiators`)}
          testId={`${at}.differentiators`}
        />
        <TextArea
          name={`${at}.expectations`}
          label="What these customers expect from us (one per line)"
          value={typed.expectations.join('\n')}
          readOnly={readOnly}
          rows={3}
          onChange={(text) => setPositioning({ expectations: linesOf(text) })}
          {...issues.field(`${at}.expectations`)}
          testId={`${at}.expectations`}
        />
      </Flex>
      <IssueText issues={issues} path={at} />
      <MultiSelect
        name={`${path}.offers`}
        label="Offers: the products we sell this segment (none: every product)"
        placeholder="Every product"
        options={offerOptions(products, offers)}
        value={[...offers]}
        readOnly={readOnly}
        onChange={(values) =>
          dispatch({
            type: 'set_segment',
            index,
            patch: { offers: values.length === 0 ? undefined : values.map(String) },
          })
        }
        {...issues.field(`${path}.offers`)}
        testId={`${path}.offers`}
      />
      <Text variant="microcopy" testId={`${path}.offers.note`}>
        {products.length === 0
          ? 'This portal’s product library is empty: add products in HubSpot to pick offers.'
          : `A deal of this segment with a line item outside its offers gets the warning “offer outside segment”, which names those line items.${productsTruncated ? ' The library has more products than are listed.' : ''}`}
      </Text>
    </Flex>
  );
};
