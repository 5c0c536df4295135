import { readFileSync } from 'node:fs';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { startLineFake, type LineFake } from '../../src/dev/line-fake/index.js';
import { defaultSpecPath, loadSpecValidator } from '../../src/dev/line-fake/spec-validator.js';
import { expectDetail, flex, rawPost, rawPush, salesBubble, text, USER_A } from './helpers.js';

const fake: LineFake = await startLineFake();
afterAll(() => fake.close());
beforeEach(() => fake.reset());

const bubbleWithBody = (...contents: unknown[]): unknown =>
  flex({ type: 'bubble', body: { type: 'box', layout: 'vertical', contents } });

describe('discriminator dispatch on message type', () => {
  it('rejects an unknown message type at messages[n].type and lists the mapped types', async () => {
    const res = await rawPush(fake, [text('ok'), { type: 'sms', text: 'hi' }]);

    expectDetail(res, 'messages[1].type');
    expect(res.body.details?.[0]?.message).toContain('text, textV2, sticker');
  });

  it('rejects a message without a type', async () => {
    expectDetail(await rawPush(fake, [{ text: 'hi' }]), 'messages[0].type');
  });

  it('validates the mapped schema: a text message without text and a flex message without contents fail', async () => {
    expectDetail(await rawPush(fake, [{ type: 'text' }]), 'messages[0].text');
    expectDetail(await rawPush(fake, [{ type: 'flex', altText: 'x' }]), 'messages[0].contents');
  });

  it('applies only the mapped schema: a sticker needs packageId but not text', async () => {
    const res = await rawPush(fake, [{ type: 'sticker', stickerId: '52002734' }]);

    expect(res.body.details).toEqual([{ property: 'messages[0].packageId', message: 'must be specified' }]);
    expect((await rawPush(fake, [{ type: 'sticker', packageId: '11537', stickerId: '52002734' }])).status).toBe(200);
  });

  it('still validates the common Message properties (sender.name at most 20) through the allOf parent', async () => {
    expectDetail(await rawPush(fake, [{ ...text('hi'), sender: { name: 'ก'.repeat(21) } }]), 'messages[0].sender.name');
  });
});

describe('nested flex validation', () => {
  it('rejects a flex button without an action (spec: FlexButton requires action)', async () => {
    expectDetail(await rawPush(fake, [bubbleWithBody({ type: 'button', style: 'primary' })]), 'messages[0].contents.body.contents[0].action');
  });

  it('rejects an unknown component type deep inside nested boxes', async () => {
    const nested = { type: 'box', layout: 'horizontal', contents: [{ type: 'text', text: 'ok' }, { type: 'marquee', text: 'x' }] };
    const res = await rawPush(fake, [bubbleWithBody({ type: 'text', text: 'top' }, nested)]);

    expectDetail(res, 'messages[0].contents.body.contents[1].contents[1].type');
  });

  it('rejects bad enum values of box layout and text weight in the same bubble, reporting both', async () => {
    const res = await rawPush(fake, [flex({ type: 'bubble', body: { type: 'box', layout: 'diagonal', contents: [{ type: 'text', text: 'x', weight: 'heavy' }] } })]);

    expect(res.body.details?.map((d) => d.property)).toEqual(['messages[0].contents.body.layout', 'messages[0].contents.body.contents[0].weight']);
  });

  it('rejects an unknown action type inside a flex button', async () => {
    const res = await rawPush(fake, [bubbleWithBody({ type: 'button', action: { type: 'teleport', label: 'go' } })]);

    expectDetail(res, 'messages[0].contents.body.contents[0].action.type');
  });

  it('rejects a non-URI uri action (spec format: uri)', async () => {
    const res = await rawPush(fake, [bubbleWithBody({ type: 'button', action: { type: 'uri', label: 'เปิด', uri: 'not a uri' } })]);

    expectDetail(res, 'messages[0].contents.body.contents[0].action.uri');
  });

  it('rejects a carousel nested in a carousel: items are FlexBubble, whose tag must map to it', async () => {
    expectDetail(await rawPush(fake, [flex({ type: 'carousel', contents: [{ type: 'carousel', contents: [] }] })]), 'messages[0].contents.contents[0].type');
  });

  it('requires text or span contents on a flex text component (reference; the spec makes text optional)', async () => {
    expectDetail(await rawPush(fake, [bubbleWithBody({ type: 'text', wrap: true })]), 'messages[0].contents.body.contents[0].text');
    const withSpans = bubbleWithBody({ type: 'text', contents: [{ type: 'span', text: 'ยอด', weight: 'bold' }] });
    expect((await rawPush(fake, [withSpans])).status).toBe(200);
  });

  it('rejects a wrongly typed property deep in a template message', async () => {
    const template = { type: 'template', altText: 'ยืนยัน?', template: { type: 'confirm', text: 'ยืนยันยอดขาย?', actions: 'yes' } };

    expectDetail(await rawPush(fake, [template]), 'messages[0].template.actions');
  });
});

describe('request body shape', () => {
  it('rejects a body that is not JSON', async () => {
    const res = await rawPost(fake, '/v2/bot/message/push', '{"to": ');

    expect(res.status).toBe(400);
    expect(res.body.message).toBe('The request body could not be parsed as JSON');
  });

  it('rejects a push without `to` and reports every error with LINE-style properties', async () => {
    const res = await rawPost(fake, '/v2/bot/message/push', { messages: [{ type: 'text' }] });

    expect(res.body.message).toBe('The request body has 2 error(s)');
    expect(res.body.details).toEqual([
      { property: 'to', message: 'must be specified' },
      { property: 'messages[0].text', message: 'must be specified' },
    ]);
  });

  it('accepts a valid flex message', async () => {
    expect((await rawPush(fake, [flex(salesBubble())])).status).toBe(200);
    expect(fake.messagesTo(USER_A)).toHaveLength(1);
  });
});

describe('spec loading', () => {
  const spec = parse(readFileSync(defaultSpecPath(), 'utf8')) as { paths: Record<string, Record<string, { requestBody?: unknown }>> };
  const validator = loadSpecValidator();

  it('compiles the request body schema of every operation in the spec, discriminators included', () => {
    const operations = Object.entries(spec.paths).flatMap(([path, item]) =>
      Object.keys(item).filter((m) => ['get', 'post', 'put', 'delete'].includes(m)).map((m) => [m, path] as const),
    );
    expect(operations.length).toBeGreaterThan(60);
    for (const [method, path] of operations) {
      expect(() => validator.validateRequestBody(method, path, {}), `${method} ${path}`).not.toThrow();
    }
  });

  it('follows recursive discriminated schemas (narrowcast operator filters) and rejects a bad leaf', () => {
    const body = (gte: string): unknown => ({
      messages: [text('hi')],
      filter: { demographic: { type: 'operator', and: [{ type: 'age', gte }, { type: 'operator', not: { type: 'gender', oneOf: ['male'] } }] } },
    });

    expect(validator.validateRequestBody('post', '/v2/bot/message/narrowcast', body('age_20'))).toEqual([]);
    expect(validator.validateRequestBody('post', '/v2/bot/message/narrowcast', body('age_21'))).toEqual([
      expect.objectContaining({ property: 'filter.demographic.and[0].gte' }),
    ]);
  });

  it('honours OpenAPI nullable: Membership.memberLimit accepts null but not a string', () => {
    const membership = validator.componentValidator('Membership');
    const memberLimitErrors = (value: unknown): unknown[] => {
      membership({ memberLimit: value });
      return (membership.errors ?? []).filter((e) => e.instancePath === '/memberLimit');
    };

    expect(memberLimitErrors(null)).toEqual([]);
    expect(memberLimitErrors(1000)).toEqual([]);
    expect(memberLimitErrors('unlimited')).toHaveLength(1);
  });
});
