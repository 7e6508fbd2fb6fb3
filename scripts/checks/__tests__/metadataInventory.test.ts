import {
  expectedComponents,
  missingComponents,
  missingMetaFiles,
  packageComponents
} from '../metadataInventory';

const sourceFiles = [
  'classes/UserSelector.cls',
  'classes/UserSelector.cls-meta.xml',
  'classes/Orphan.cls',
  'lwc/loginRates/loginRates.ts',
  'lwc/loginRates/loginRates.js',
  'lwc/loginRates/loginRates.html',
  'lwc/loginRates/loginRates.js-meta.xml',
  'lwc/loginRates/__tests__/loginRates.test.ts',
  'lwc/noMeta/noMeta.js',
  'staticresources/chartjs.js',
  'staticresources/chartjs.resource-meta.xml',
  'flexipages/Adoption_Dashboard.flexipage-meta.xml',
  'applications/Adoption_Dashboard.app-meta.xml',
  'tabs/Adoption_Dashboard.tab-meta.xml',
  'permissionsets/Viewer.permissionset-meta.xml',
  'customPermissions/Team.customPermission-meta.xml',
  'objects/Snapshot__c/Snapshot__c.object-meta.xml',
  'objects/Snapshot__c/fields/Value__c.field-meta.xml',
  'objects/Snapshot__c/listViews/All.listView-meta.xml',
  'objects/Settings__mdt/Settings__mdt.object-meta.xml',
  'objects/Settings__mdt/fields/Region__c.field-meta.xml',
  'customMetadata/Settings.Default.md-meta.xml',
  'weird/thing.txt'
];

describe('metadata inventory', () => {
  it('lists the components a source tree should deploy, and files in unknown folders', () => {
    const { components, unknownFiles } = expectedComponents(sourceFiles);
    expect(components.map((component) => `${component.type}:${component.name}`).sort()).toEqual([
      'ApexClass:Orphan',
      'ApexClass:UserSelector',
      'CustomApplication:Adoption_Dashboard',
      'CustomField:Settings__mdt.Region__c',
      'CustomField:Snapshot__c.Value__c',
      'CustomMetadata:Settings.Default',
      'CustomObject:Settings__mdt',
      'CustomObject:Snapshot__c',
      'CustomPermission:Team',
      'CustomTab:Adoption_Dashboard',
      'FlexiPage:Adoption_Dashboard',
      'LightningComponentBundle:loginRates',
      'LightningComponentBundle:noMeta',
      'PermissionSet:Viewer',
      'StaticResource:chartjs'
    ]);
    expect(unknownFiles).toEqual(['weird/thing.txt']);
  });

  it('finds classes and bundles without their -meta.xml', () => {
    expect(missingMetaFiles(sourceFiles)).toEqual([
      'classes/Orphan.cls-meta.xml',
      'lwc/noMeta/noMeta.js-meta.xml'
    ]);
  });

  it('reads package.xml and reports what the converter dropped', () => {
    const packageXml = `<?xml version="1.0"?><Package><types><members>UserSelector</members><name>ApexClass</name></types>
      <types><members>loginRates</members><members>noMeta</members><name>LightningComponentBundle</name></types><types><name>Empty</name></types><version>68.0</version></Package>`;
    const converted = packageComponents(packageXml);
    expect(converted).toEqual([
      { type: 'ApexClass', name: 'UserSelector' },
      { type: 'LightningComponentBundle', name: 'loginRates' },
      { type: 'LightningComponentBundle', name: 'noMeta' }
    ]);
    expect(
      missingComponents(expectedComponents(sourceFiles.slice(0, 8)).components, converted)
    ).toEqual([{ type: 'ApexClass', name: 'Orphan' }]);
  });
});
