import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ForwardAccess1795626257758 implements MigrationInterface {
  name = 'ForwardAccess1795626257758';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `outbox_message` (`id` int NOT NULL AUTO_INCREMENT, `eventId` varchar(36) NOT NULL, `type` varchar(64) NOT NULL, `payload` text NOT NULL, `createdAt` datetime(3) NOT NULL, `nextAttemptAt` datetime(3) NOT NULL, `attempts` int NOT NULL DEFAULT '0', `deliveredAt` datetime(3) NULL, `lastError` varchar(500) NULL, INDEX `IDX_0b8759eb528b45d69a5207143d` (`deliveredAt`, `nextAttemptAt`), UNIQUE INDEX `IDX_d7905153c6a53a23430d60226b` (`eventId`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `former_holder` (`complaintId` varchar(36) NOT NULL, `officialId` varchar(36) NOT NULL, `bodyId` varchar(36) NULL, INDEX `IDX_c852d36d79789eb6987fb34730` (`bodyId`), PRIMARY KEY (`complaintId`, `officialId`)) ENGINE=InnoDB");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_c852d36d79789eb6987fb34730` ON `former_holder`");
    await queryRunner.query("DROP TABLE `former_holder`");
    await queryRunner.query("DROP INDEX `IDX_d7905153c6a53a23430d60226b` ON `outbox_message`");
    await queryRunner.query("DROP INDEX `IDX_0b8759eb528b45d69a5207143d` ON `outbox_message`");
    await queryRunner.query("DROP TABLE `outbox_message`");
  }
}
