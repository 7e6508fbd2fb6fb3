/**
 * Objects and fields the runtime's setup data needs that config/schema/standard-objects.json does
 * not table (it holds only what the package's SOQL reads). Each comes from its Object Reference
 * page, named beside it; the format is the JSON file's (type + properties as printed).
 */

export interface RawField {
  type: string;
  properties: string[];
  referenceTo?: string[];
  relationshipName?: string;
}

const SYSTEM_PERMISSION: RawField = { type: 'boolean', properties: ['Create', 'Filter', 'Update'] };
const ID: RawField = { type: 'id', properties: ['Defaulted on create', 'Filter', 'Group', 'Sort'] };

function permissionSetReference(): RawField {
  return {
    type: 'reference',
    properties: ['Create', 'Filter', 'Group', 'Sort'],
    referenceTo: ['PermissionSet'],
    relationshipName: 'Parent'
  };
}

/** Fields added to objects the JSON has; an existing entry is never replaced. */
export const SUPPLEMENTAL_FIELDS: Record<string, Record<string, RawField>> = {
  // Object Reference: ObjectPermissions (PermissionsEdit, PermissionsDelete, PermissionsViewAllRecords, PermissionsModifyAllRecords).
  ObjectPermissions: {
    PermissionsEdit: SYSTEM_PERMISSION,
    PermissionsDelete: SYSTEM_PERMISSION,
    PermissionsViewAllRecords: SYSTEM_PERMISSION,
    PermissionsModifyAllRecords: SYSTEM_PERMISSION
  },
  // Object Reference: PermissionSet ("Permissions<PermissionName>" fields, Description).
  PermissionSet: {
    Description: { type: 'string', properties: ['Create', 'Filter', 'Nillable', 'Update'] },
    PermissionsViewAllData: SYSTEM_PERMISSION,
    PermissionsModifyAllData: SYSTEM_PERMISSION,
    PermissionsManageUsers: SYSTEM_PERMISSION,
    PermissionsEditTask: SYSTEM_PERMISSION
  },
  // Object Reference: Profile ("Permissions<PermissionName>" fields).
  Profile: { PermissionsManageUsers: SYSTEM_PERMISSION }
};

/** Objects the JSON lacks. */
export const SUPPLEMENTAL_OBJECTS: Record<string, Record<string, RawField>> = {
  // Object Reference: CustomPermission.
  CustomPermission: {
    Id: ID,
    DeveloperName: { type: 'string', properties: ['Create', 'Filter', 'Group', 'Sort', 'Update'] },
    MasterLabel: { type: 'string', properties: ['Create', 'Filter', 'Group', 'Sort', 'Update'] },
    NamespacePrefix: { type: 'string', properties: ['Filter', 'Group', 'Nillable', 'Sort'] }
  },
  // Object Reference: SetupEntityAccess (which permission set grants which custom permission).
  SetupEntityAccess: {
    Id: ID,
    ParentId: permissionSetReference(),
    SetupEntityId: { type: 'reference', properties: ['Create', 'Filter', 'Group', 'Sort'] },
    SetupEntityType: { type: 'picklist', properties: ['Filter', 'Group', 'Nillable', 'Sort'] }
  },
  // Object Reference: Group (a queue owns records: Task.OwnerId, Lead.OwnerId, Case.OwnerId).
  Group: {
    Id: ID,
    Name: { type: 'string', properties: ['Create', 'Filter', 'Group', 'Sort', 'Update'] },
    DeveloperName: { type: 'string', properties: ['Create', 'Filter', 'Group', 'Sort', 'Update'] },
    Type: { type: 'picklist', properties: ['Create', 'Filter', 'Group', 'Sort'] },
    Email: {
      type: 'email',
      properties: ['Create', 'Filter', 'Group', 'Nillable', 'Sort', 'Update']
    }
  },
  // Object Reference: OpportunityLineItem (a product on an opportunity; it has no owner).
  OpportunityLineItem: {
    Id: ID,
    OpportunityId: {
      type: 'reference',
      properties: ['Create', 'Filter', 'Group', 'Sort'],
      referenceTo: ['Opportunity'],
      relationshipName: 'Opportunity'
    },
    Name: { type: 'string', properties: ['Filter', 'Group', 'Nillable', 'Sort'] },
    Quantity: { type: 'double', properties: ['Create', 'Filter', 'Sort', 'Update'] },
    UnitPrice: { type: 'currency', properties: ['Create', 'Filter', 'Nillable', 'Sort', 'Update'] },
    TotalPrice: {
      type: 'currency',
      properties: ['Create', 'Filter', 'Nillable', 'Sort', 'Update']
    },
    ServiceDate: {
      type: 'date',
      properties: ['Create', 'Filter', 'Group', 'Nillable', 'Sort', 'Update']
    },
    Description: {
      type: 'string',
      properties: ['Create', 'Filter', 'Group', 'Nillable', 'Sort', 'Update']
    }
  },
  // Object Reference: FieldPermissions.
  FieldPermissions: {
    Id: ID,
    ParentId: permissionSetReference(),
    SobjectType: { type: 'picklist', properties: ['Create', 'Filter', 'Group', 'Sort'] },
    Field: { type: 'picklist', properties: ['Create', 'Filter', 'Group', 'Sort'] },
    PermissionsRead: SYSTEM_PERMISSION,
    PermissionsEdit: SYSTEM_PERMISSION
  }
};
