import { ClassRegistry } from '../language/classes';
import { loadClass } from '../language/loader';
import { systemLibrary } from '../language/systemLibrary';
import { invokeAuraEnabled } from '../aura/auraRequest';
import type { AuraRequest, AuraRuntime } from '../aura/auraRequest';
import { runtimeBackend } from '../../preview/runtimeBackend';
import { newOrg } from './orgTestSupport';

const CONTROLLER = `
public with sharing class ShopController {
  public static Integer calls = 0;

  public class Item {
    @AuraEnabled public String name;
    @AuraEnabled public Decimal price;
    @AuraEnabled public Date since;
    @AuraEnabled public Datetime seenAt;
    @AuraEnabled public Id ownerId;
    @AuraEnabled public String blank;
    @AuraEnabled public List<Integer> counts;
    @AuraEnabled public Map<String, Long> totals;
    public String secret;
  }

  public class ShopException extends Exception {}

  @AuraEnabled(cacheable=true)
  public static Item getItem(String name, Integer quantity, Date since, List<String> tags) {
    calls += 1;
    Item item = new Item();
    item.name = name + ' x' + quantity + ' ' + String.join(tags, '+') + ' ' + calls;
    item.price = 12.50;
    item.since = since;
    item.seenAt = Datetime.newInstanceGmt(2026, 11, 23, 12, 0, 0);
    item.ownerId = UserInfo.getUserId();
    item.counts = new List<Integer>{ 1, 2 };
    item.totals = new Map<String, Long>{ 'a' => 3000000000L };
    item.secret = 'not sent';
    return item;
  }

  @AuraEnabled
  public static String addAccount(String name, Boolean fail) {
    insert new Account(Name = name);
    if (fail) {
      throw new ShopException('Shop closed');
    }
    return [SELECT Id FROM Account WHERE Name = :name].Id;
  }

  @AuraEnabled
  public static String refuse() {
    throw new AuraHandledException('Choose a shop first.');
  }

  @AuraEnabled
  public static Integer broken() {
    String missing;
    return missing.length();
  }

  public static String notExposed() {
    return 'no';
  }
}`;

function runtime(): AuraRuntime {
  return {
    registry: new ClassRegistry([loadClass('ShopController.cls', CONTROLLER, 67)]),
    library: systemLibrary,
    org: newOrg(),
    timeZone: 'Europe/Paris'
  };
}

function request(
  shop: AuraRuntime,
  methodName: string,
  params: Record<string, unknown> = {}
): AuraRequest {
  const org = shop.org as ReturnType<typeof newOrg>;
  return { className: 'ShopController', methodName, params, userId: org.runningUserId };
}

const accounts = (shop: AuraRuntime): number =>
  shop.org.query(
    'SELECT COUNT() FROM Account',
    {},
    {
      userId: (shop.org as ReturnType<typeof newOrg>).runningUserId,
      accessMode: 'SYSTEM_MODE',
      enforceSharing: false
    }
  ).totalSize;

describe('an @AuraEnabled request in the local runtime', () => {
  it('converts the parameters, runs one transaction and serialises as Aura does', async () => {
    const shop = runtime();
    const params = { name: 'Pen', quantity: 3, since: '2026-01-31', tags: ['red', 'new'] };
    const first = await invokeAuraEnabled(shop, request(shop, 'getItem', params));
    const second = await invokeAuraEnabled(shop, request(shop, 'getItem', params));
    expect(first).toMatchObject({
      ok: true,
      value: {
        name: 'Pen x3 red+new 1',
        price: 12.5,
        since: '2026-01-31',
        seenAt: '2026-11-23T12:00:00.000Z',
        ownerId: request(shop, 'x').userId,
        counts: [1, 2],
        totals: { a: 3_000_000_000 }
      }
    });
    // Only @AuraEnabled members, null ones left out; static state starts over per transaction.
    expect(first.ok && Object.keys(first.value as object)).not.toContain('secret');
    expect(first.ok && Object.keys(first.value as object)).not.toContain('blank');
    expect(second.ok && (second.value as { name: string }).name).toBe('Pen x3 red+new 1');
    expect(first.usage).toMatchObject({ soqlQueries: 0, dmlStatements: 0 });
    expect(first.usage.statements).toBeGreaterThan(5);
    expect(first.usage.responseBytes).toBe(first.ok ? JSON.stringify(first.value).length : 0);
  });

  it('refuses what Aura refuses before running Apex', async () => {
    const shop = runtime();
    for (const name of ['notExposed', 'nothing']) {
      expect(await invokeAuraEnabled(shop, request(shop, name))).toMatchObject({
        ok: false,
        error: {
          kind: 'invalidRequest',
          status: 404,
          body: { message: `No @AuraEnabled method ShopController.${name} in this package.` }
        }
      });
    }
    expect(
      await invokeAuraEnabled(shop, request(shop, 'getItem', { quantity: 'three' }))
    ).toMatchObject({
      ok: false,
      error: {
        status: 400,
        body: {
          message: "Value provided is invalid for action parameter 'quantity' of type 'Integer'"
        }
      }
    });
  });

  it('sends an AuraHandledException as its message and other exceptions as the platform does', async () => {
    const shop = runtime();
    expect(await invokeAuraEnabled(shop, request(shop, 'refuse'))).toMatchObject({
      ok: false,
      error: { kind: 'handled', status: 400, body: { message: 'Choose a shop first.' } }
    });
    const broken = await invokeAuraEnabled(shop, request(shop, 'broken'));
    expect(broken).toMatchObject({
      ok: false,
      error: {
        kind: 'unhandled',
        status: 500,
        body: {
          exceptionType: 'System.NullPointerException',
          isUserDefinedException: false,
          stackTrace: expect.stringContaining('Class.ShopController.broken: line')
        }
      }
    });
  });

  it('keeps the DML of a call that returns and rolls back one that throws', async () => {
    const shop = runtime();
    const before = accounts(shop);
    const kept = await invokeAuraEnabled(
      shop,
      request(shop, 'addAccount', { name: 'Kept', fail: false })
    );
    expect(kept).toMatchObject({
      ok: true,
      usage: { dmlStatements: 1, dmlRows: 1, soqlQueries: 1 }
    });
    const thrown = await invokeAuraEnabled(
      shop,
      request(shop, 'addAccount', { name: 'Gone', fail: true })
    );
    expect(thrown).toMatchObject({
      ok: false,
      error: {
        kind: 'unhandled',
        body: { message: 'Shop closed', isUserDefinedException: true }
      }
    });
    expect(accounts(shop)).toBe(before + 1);
  });

  it('answers the preview as the gateway does: 200 { result }, 400 { message }', async () => {
    const shop = runtime();
    const backend = runtimeBackend(shop, request(shop, 'x').userId);
    await expect(backend('ShopController.refuse', {})).resolves.toEqual({
      status: 400,
      body: { message: 'Choose a shop first.' }
    });
    await expect(
      backend('ShopController.getItem', { name: 'Ink', quantity: 1, tags: [] })
    ).resolves.toMatchObject({ status: 200, body: { result: { name: 'Ink x1  1' } } });
  });
});
