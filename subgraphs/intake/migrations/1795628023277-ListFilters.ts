import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ListFilters1795628023277 implements MigrationInterface {
  name = 'ListFilters1795628023277';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `complaint` ADD `status` varchar(16) NOT NULL DEFAULT 'DELIVERED'");
    await queryRunner.query("ALTER TABLE `complaint` ADD `reviewDueOn` varchar(10) NULL");
    await queryRunner.query("ALTER TABLE `complaint` ADD `closedOn` varchar(10) NULL");
    await queryRunner.query("ALTER TABLE `complaint` ADD `statusVersion` int NOT NULL DEFAULT '0'");
    await queryRunner.query("CREATE INDEX `IDX_b6b63da30d9aae7e6ca4368fa7` ON `complaint` (`status`)");
    await queryRunner.query("CREATE INDEX `IDX_8fb4b6fa641c45c15d8d9c10f7` ON `complaint` (`reviewDueOn`)");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_8fb4b6fa641c45c15d8d9c10f7` ON `complaint`");
    await queryRunner.query("DROP INDEX `IDX_b6b63da30d9aae7e6ca4368fa7` ON `complaint`");
    await queryRunner.query("ALTER TABLE `complaint` DROP COLUMN `statusVersion`");
    await queryRunner.query("ALTER TABLE `complaint` DROP COLUMN `closedOn`");
    await queryRunner.query("ALTER TABLE `complaint` DROP COLUMN `reviewDueOn`");
    await queryRunner.query("ALTER TABLE `complaint` DROP COLUMN `status`");
  }
}
