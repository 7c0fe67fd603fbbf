import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CalendarEntry1795626297577 implements MigrationInterface {
  name = 'CalendarEntry1795626297577';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `calendar_entry` (`id` varchar(64) NOT NULL, `kind` varchar(16) NOT NULL, `year` int NOT NULL, `date` varchar(10) NULL, `workingDay` varchar(10) NULL, `holidayKind` varchar(16) NULL, `name` varchar(200) NULL, `source` varchar(500) NOT NULL, `targetId` varchar(64) NULL, `recordedBy` varchar(64) NOT NULL, `recordedAt` datetime(3) NOT NULL, `withdrawnBy` varchar(64) NULL, `withdrawnAt` datetime(3) NULL, `withdrawReason` varchar(500) NULL, INDEX `IDX_4e563e0056badd326688d8ecd7` (`year`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_4e563e0056badd326688d8ecd7` ON `calendar_entry`");
    await queryRunner.query("DROP TABLE `calendar_entry`");
  }
}
