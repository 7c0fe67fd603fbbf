import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ForwardAccess1795626270843 implements MigrationInterface {
  name = 'ForwardAccess1795626270843';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `complaint_former_holder` (`complaintId` varchar(36) NOT NULL, `officialId` varchar(36) NOT NULL, `bodyId` varchar(36) NULL, INDEX `IDX_449979476dc8ffffeb42f74860` (`bodyId`), PRIMARY KEY (`complaintId`, `officialId`)) ENGINE=InnoDB");
    await queryRunner.query("ALTER TABLE `complaint` ADD `currentHandlerId` varchar(36) NULL");
    await queryRunner.query("ALTER TABLE `complaint` ADD `currentBodyId` varchar(36) NULL");
    await queryRunner.query("ALTER TABLE `complaint` ADD `holderVersion` int NOT NULL DEFAULT '0'");
    // Complaints filed before: their current holder is the one chosen at filing (hand-written backfill).
    await queryRunner.query("UPDATE `complaint` SET `currentHandlerId` = `handlerId`, `currentBodyId` = `handlerBodyId` WHERE `currentHandlerId` IS NULL");
    await queryRunner.query("CREATE INDEX `IDX_8f24b0a0fc7536dbb581421859` ON `complaint` (`currentHandlerId`)");
    await queryRunner.query("CREATE INDEX `IDX_8380387c5d6b92ad494df535b3` ON `complaint` (`currentBodyId`)");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_8380387c5d6b92ad494df535b3` ON `complaint`");
    await queryRunner.query("DROP INDEX `IDX_8f24b0a0fc7536dbb581421859` ON `complaint`");
    await queryRunner.query("ALTER TABLE `complaint` DROP COLUMN `holderVersion`");
    await queryRunner.query("ALTER TABLE `complaint` DROP COLUMN `currentBodyId`");
    await queryRunner.query("ALTER TABLE `complaint` DROP COLUMN `currentHandlerId`");
    await queryRunner.query("DROP INDEX `IDX_449979476dc8ffffeb42f74860` ON `complaint_former_holder`");
    await queryRunner.query("DROP TABLE `complaint_former_holder`");
  }
}
